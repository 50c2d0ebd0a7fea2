/** Strings of the pod details' Terminal tab. English; loaded with the details screen. */
export const en = {
  terminal: {
    tab: 'Terminal',
    loading: 'Loading the terminal…',
    screen: 'Terminal screen',
    container: 'Container',
    shell: 'Shell',
    connect: 'Connect',
    reconnect: 'Reconnect',
    disconnect: 'Disconnect',
    copy: 'Copy selection',
    paste: 'Paste',
    connecting: 'Connecting to {{container}} ({{shell}})…',
    connected: 'Connected to {{container}} ({{shell}})',
    exited: 'The shell exited with code {{code}}.',
    closed: 'The terminal was closed.',
    connectionLost: 'The connection to the terminal was lost (or refused). Reconnect to try again.',
    noShell: 'This container has no {{shell}}. Choose another shell.',
    podNotRunning:
      'The pod is not running (phase {{phase}}): a terminal needs a running container.',
    containerNotRunning: 'Container {{container}} is not running ({{state}}).',
    clipboardDenied: 'The browser did not allow access to the clipboard.',
  },
};
