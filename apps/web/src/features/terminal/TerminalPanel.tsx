import { TERMINAL_SHELLS } from '@cci/model';
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { execSocketUrl } from '../../lib/kube/bff.ts';
import type { KubeObject } from '../resources/objects.ts';
import { describeEnd, podNotRunning, terminalContainers, type EndNotice } from './terminalEnd.ts';
import { openTerminalSocket, type TerminalSocket } from './terminalSocket.ts';
import { useXterm } from './useXterm.ts';
import './terminal.css';

type Phase = 'idle' | 'connecting' | 'open' | 'ended';

/** The Terminal tab's content (lazily loaded with xterm.js): pickers, actions, the screen. */
export default function TerminalPanel({ pod }: { pod: KubeObject }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const term = useXterm(host);
  const containers = terminalContainers(pod as never);
  const notRunning = podNotRunning(pod as never);
  const [container, setContainer] = useState(
    () => (containers.find((c) => c.running) ?? containers[0])?.name ?? '',
  );
  const [shell, setShell] = useState<string>('sh');
  const [phase, setPhase] = useState<Phase>('idle');
  const [notice, setNotice] = useState<EndNotice>();
  const socket = useRef<TerminalSocket>(undefined);
  const chosen = containers.find((c) => c.name === container);
  const canConnect = !notRunning && chosen?.running === true;

  const connect = useCallback(() => {
    if (!term) return;
    socket.current?.close();
    term.reset();
    setNotice(undefined);
    setPhase('connecting');
    const { namespace = '', name } = pod.metadata;
    const opened = openTerminalSocket(
      execSocketUrl({ namespace, pod: name, container, command: shell }),
      {
        opened: () => {
          setPhase('open');
          opened.resize(term.cols, term.rows);
          term.focus();
        },
        output: (bytes) => term.write(bytes),
        ended: (end) => {
          if (socket.current !== opened) return;
          setPhase('ended');
          setNotice(describeEnd(end, shell, currentLanguage()));
        },
      },
    );
    socket.current = opened;
  }, [term, pod.metadata, container, shell]);

  // Keystrokes and size changes go to whichever socket is current.
  useEffect(() => {
    if (!term) return;
    const data = term.onData((text) => socket.current?.input(text));
    const resize = term.onResize(({ cols, rows }) => socket.current?.resize(cols, rows));
    return () => {
      data.dispose();
      resize.dispose();
    };
  }, [term]);
  // Opening the tab opens a shell in the first running container; leaving it closes it.
  const started = useRef(false);
  useEffect(() => {
    if (!term || started.current || !canConnect) return;
    started.current = true;
    connect();
  }, [term, canConnect, connect]);
  useEffect(() => () => socket.current?.close(), []);

  const clipboard = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch {
      setNotice({ tone: 'error', key: 'terminal.clipboardDenied' });
    }
  };
  const copy = () => clipboard(() => navigator.clipboard.writeText(term?.getSelection() ?? ''));
  const paste = () =>
    clipboard(async () => socket.current?.input(await navigator.clipboard.readText()));

  return (
    <Stack gap="sm">
      {notRunning && (
        <Alert color="yellow" role="alert">
          {t('terminal.podNotRunning', notRunning)}
        </Alert>
      )}
      {!notRunning && chosen && !chosen.running && (
        <Alert color="yellow" role="alert">
          {t('terminal.containerNotRunning', { container: chosen.name, state: chosen.state })}
        </Alert>
      )}
      <Group gap="sm" align="end">
        <Select
          label={t('terminal.container')}
          data={containers.map((c) => c.name)}
          value={container}
          onChange={(v) => v && setContainer(v)}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('terminal.shell')}
          data={[...TERMINAL_SHELLS]}
          value={shell}
          onChange={(v) => v && setShell(v)}
          allowDeselect={false}
          w={140}
        />
        {phase === 'open' || phase === 'connecting' ? (
          <Button variant="default" onClick={() => socket.current?.close()}>
            {t('terminal.disconnect')}
          </Button>
        ) : (
          <Button onClick={connect} disabled={!canConnect || !term}>
            {phase === 'ended' ? t('terminal.reconnect') : t('terminal.connect')}
          </Button>
        )}
        <Button variant="default" onClick={() => void copy()}>
          {t('terminal.copy')}
        </Button>
        <Button variant="default" onClick={() => void paste()} disabled={phase !== 'open'}>
          {t('terminal.paste')}
        </Button>
      </Group>
      <Text size="sm" role="status" c="dimmed">
        {phase === 'connecting' && t('terminal.connecting', { container, shell })}
        {phase === 'open' && t('terminal.connected', { container, shell })}
      </Text>
      {notice && (
        <Alert color={notice.tone === 'info' ? 'gray' : 'red'} role="alert">
          {'text' in notice ? notice.text : t(notice.key, notice.params)}
        </Alert>
      )}
      <div className="terminal-screen" ref={host} role="region" aria-label={t('terminal.screen')} />
    </Stack>
  );
}
