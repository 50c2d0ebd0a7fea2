import { ExecCloseCode } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { execSocketUrl } from '../../lib/kube/bff.ts';
import { describeEnd, podNotRunning, terminalContainers } from './terminalEnd.ts';

const exit = (code: number) => ({
  status: 'Failure' as const,
  reason: 'NonZeroExitCode',
  message: `command terminated with non-zero exit code: exit code ${code}`,
  details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
});

describe('why a terminal ended', () => {
  it('reports the exit code of a shell that ran', () => {
    const end = { closeCode: 1000, status: exit(3), hadOutput: true };
    expect(describeEnd(end, 'sh', 'en')).toEqual({
      tone: 'info',
      key: 'terminal.exited',
      params: { code: 3 },
    });
    const ok = { closeCode: 1000, status: { status: 'Success' as const }, hadOutput: true };
    expect(describeEnd(ok, 'sh', 'en')).toMatchObject({ params: { code: 0 } });
  });

  it('says the container has no such shell when it ended at once with 126/127 or "not found"', () => {
    for (const status of [
      exit(127),
      exit(126),
      { status: 'Failure' as const, message: 'exec: "bash": executable file not found in $PATH' },
    ]) {
      const end = { closeCode: 1000, status, hadOutput: false };
      expect(describeEnd(end, 'bash', 'en')).toEqual({
        tone: 'error',
        key: 'terminal.noShell',
        params: { shell: 'bash' },
      });
    }
    // A user's own `exit 127` after some output is an exit, not a missing shell.
    const typed = { closeCode: 1000, status: exit(127), hadOutput: true };
    expect(describeEnd(typed, 'sh', 'en')).toMatchObject({ key: 'terminal.exited' });
  });

  it("shows the BFF's Status in the UI language (session ended, caps), else CCI's message", () => {
    const status = {
      status: 'Failure' as const,
      code: 401,
      message: 'Your session ended',
      messageKey: 'exec.sessionEnded',
      messages: { en: 'Your session ended', 'zh-CN': '会话已结束' },
    };
    const end = { closeCode: ExecCloseCode.sessionEnded, status, hadOutput: true };
    expect(describeEnd(end, 'sh', 'zh-CN')).toEqual({ tone: 'error', text: '会话已结束' });
    const gone = { status: 'Failure' as const, message: 'pod "web" was deleted' };
    expect(describeEnd({ closeCode: 1000, status: gone, hadOutput: true }, 'sh', 'en')).toEqual({
      tone: 'error',
      text: 'pod "web" was deleted',
    });
  });

  it('calls a close without any Status a lost (or refused) connection', () => {
    const end = { closeCode: 1006, status: undefined, hadOutput: false };
    expect(describeEnd(end, 'sh', 'en')).toMatchObject({ key: 'terminal.connectionLost' });
  });
});

describe('what can be opened', () => {
  const pod = {
    spec: { containers: [{ name: 'app' }, { name: 'sidecar' }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'app', state: { running: {} } },
        { name: 'sidecar', state: { waiting: { reason: 'CrashLoopBackOff' } } },
      ],
    },
  };

  it('lists containers with their state; a pod not running says its phase', () => {
    expect(terminalContainers(pod)).toEqual([
      { name: 'app', running: true, state: 'running' },
      { name: 'sidecar', running: false, state: 'CrashLoopBackOff' },
    ]);
    expect(podNotRunning(pod)).toBeUndefined();
    expect(podNotRunning({ status: { phase: 'Pending' } })).toEqual({ phase: 'Pending' });
  });

  it('builds the socket URL on the page origin, wss under https, names encoded', () => {
    const target = { namespace: 'ns', pod: 'web-1', container: 'app', command: '/bin/sh' };
    expect(execSocketUrl(target, { protocol: 'https:', host: 'console.example:8443' })).toBe(
      'wss://console.example:8443/api/exec/namespaces/ns/pods/web-1?container=app&command=%2Fbin%2Fsh',
    );
    expect(execSocketUrl(target, { protocol: 'http:', host: '127.0.0.1:8080' })).toMatch(
      /^ws:\/\//,
    );
  });
});
