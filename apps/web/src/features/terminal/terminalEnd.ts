import { ExecCloseCode, execExitCode, type ExecStatus } from '@cci/model';
import type { TerminalEnd } from './terminalSocket.ts';

/** What the panel says when a terminal ends: a catalog key with its values, or the server's words. */
export type EndNotice =
  | { tone: 'info' | 'error'; key: string; params?: Record<string, string | number> }
  | { tone: 'error'; text: string };

const NOT_FOUND = /executable file not found|no such file or directory|not found in \$PATH/i;

/** The sentence a Status carries in the UI language (BFF Statuses have both), else its own. */
function said(status: ExecStatus, language: string): string | undefined {
  return status.messages?.[language] ?? status.message;
}

/**
 * Why a terminal ended, for the panel: the shell exited (with its code), the container has no
 * such shell (it ended at once with 126/127 or "executable file not found"), the BFF or CCI
 * said why (session ended, too many terminals, idle, pod gone: their Status in the UI
 * language), or the connection was lost without a word.
 */
export function describeEnd(end: TerminalEnd, shell: string, language: string): EndNotice {
  const status = end.status;
  if (status) {
    const exit = execExitCode(status);
    const missingShell =
      !end.hadOutput &&
      ((exit !== undefined && exit >= 126) || NOT_FOUND.test(status.message ?? ''));
    if (missingShell) return { tone: 'error', key: 'terminal.noShell', params: { shell } };
    if (exit !== undefined) return { tone: 'info', key: 'terminal.exited', params: { code: exit } };
    const text = said(status, language);
    if (text) return { tone: 'error', text };
  }
  if (end.closeCode === ExecCloseCode.normal) return { tone: 'info', key: 'terminal.closed' };
  return { tone: 'error', key: 'terminal.connectionLost' };
}

interface PodLike {
  spec?: { containers?: { name: string }[] };
  status?: {
    phase?: string;
    containerStatuses?: { name: string; state?: Record<string, { reason?: string } | undefined> }[];
  };
}

export interface ContainerChoice {
  name: string;
  running: boolean;
  /** waiting/terminated reason, or the state's name, when not running. */
  state: string;
}

/** The pod's app containers (exec targets) and whether each runs now. */
export function terminalContainers(pod: PodLike): ContainerChoice[] {
  return (pod.spec?.containers ?? []).map(({ name }) => {
    const state = pod.status?.containerStatuses?.find((s) => s.name === name)?.state ?? {};
    const [stateName = 'waiting', detail] = Object.entries(state).find(([, v]) => v) ?? [];
    return { name, running: stateName === 'running', state: detail?.reason ?? stateName };
  });
}

/** Why no terminal can open now (the pod isn't running), or undefined. */
export function podNotRunning(pod: PodLike): { phase: string } | undefined {
  const phase = pod.status?.phase ?? 'Pending';
  return phase === 'Running' ? undefined : { phase };
}
