import { describe, expect, it } from 'vitest';
import {
  containerRunDuration,
  PI_COMPUTATION_MS,
  podRunDuration,
  QUICK_COMMAND_MS,
} from './containerRuns.ts';
import { readinessOf } from './readiness.ts';

const c = (extra: Record<string, unknown>) => ({ name: 'c', image: 'busybox', ...extra });

describe('how long emulated containers run', () => {
  it('sums the sleeps of a command, in any unit', () => {
    expect(containerRunDuration(c({ command: ['sleep', '20'] }))).toBe(20_000);
    expect(
      containerRunDuration(
        c({
          command: [
            '/bin/sh',
            '-c',
            'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600',
          ],
        }),
      ),
    ).toBe(630_000);
    expect(containerRunDuration(c({ command: ['sh', '-c'], args: ['sleep 2m'] }))).toBe(120_000);
  });

  it('J1 seed job: perl computing pi, and the pi image, take PI_COMPUTATION_MS', () => {
    expect(
      containerRunDuration(
        c({ image: 'perl', command: ['perl', '-Mbigint=bpi', '-wle', 'print bpi(2000)'] }),
      ),
    ).toBe(PI_COMPUTATION_MS);
    expect(containerRunDuration(c({ image: 'swr.cn-north-4.example/lib/pi:1.0' }))).toBe(
      PI_COMPUTATION_MS,
    );
  });

  it('quick commands end within a second; servers, loops and unknown programs run forever', () => {
    expect(containerRunDuration(c({ command: ['sh', '-c', 'echo hello && date'] }))).toBe(
      QUICK_COMMAND_MS,
    );
    expect(containerRunDuration(c({ image: 'nginx' }))).toBeUndefined();
    expect(
      containerRunDuration(c({ command: ['sh', '-c', 'while true; do sleep 1; done'] })),
    ).toBeUndefined();
    expect(containerRunDuration(c({ command: ['sleep', 'infinity'] }))).toBeUndefined();
    expect(containerRunDuration(c({ command: ['mysqld'] }))).toBeUndefined();
    expect(containerRunDuration(c({ command: ['echo', 'ready for work'] }))).toBe(QUICK_COMMAND_MS);
  });

  it('a pod runs as long as its longest container, forever if one never ends', () => {
    expect(
      podRunDuration({
        spec: { containers: [c({ command: ['sleep', '5'] }), c({ command: ['sleep', '9'] })] },
      }),
    ).toBe(9000);
    expect(
      podRunDuration({
        spec: { containers: [c({ command: ['sleep', '5'] }), c({ image: 'nginx' })] },
      }),
    ).toBeUndefined();
    expect(podRunDuration({ spec: {} })).toBeUndefined();
  });
});

describe('readiness of emulated containers (SV5 input)', () => {
  const ip = '192.168.0.9';
  it('SV5: no probe means ready at start', () => {
    expect(readinessOf(c({}), ip)).toEqual({ ready: true, delayMs: 0 });
  });

  it('SV5: httpGet is ready only on a declared containerPort (number or name), after the initial delay', () => {
    const ports = [{ containerPort: 80, name: 'http' }];
    expect(
      readinessOf(
        c({ ports, readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 5 } }),
        ip,
      ),
    ).toEqual({ ready: true, delayMs: 5000 });
    expect(readinessOf(c({ ports, readinessProbe: { httpGet: { port: 'http' } } }), ip).ready).toBe(
      true,
    );
    expect(
      readinessOf(c({ ports, readinessProbe: { httpGet: { port: 8080, path: '/healthz' } } }), ip),
    ).toMatchObject({
      ready: false,
      failure:
        'Get "http://192.168.0.9:8080/healthz": dial tcp 192.168.0.9:8080: connect: connection refused',
    });
    expect(readinessOf(c({ ports, readinessProbe: { tcpSocket: { port: 81 } } }), ip).ready).toBe(
      false,
    );
  });

  it('SV5: exec `ls /ready` (seed) fails; obviously succeeding commands and existing files pass', () => {
    const exec = (command: string[], extra: Record<string, unknown> = {}) =>
      readinessOf(c({ ...extra, readinessProbe: { exec: { command } } }), ip);
    expect(exec(['ls', '/ready'])).toMatchObject({
      ready: false,
      failure: "ls: cannot access '/ready': No such file or directory",
    });
    expect(exec(['true']).ready).toBe(true);
    expect(exec(['cat', '/etc/hostname']).ready).toBe(true);
    expect(exec(['sh', '-c', 'exit 0']).ready).toBe(true);
    expect(exec(['sh', '-c', 'exit 1']).ready).toBe(false);
    expect(
      exec(['cat', '/tmp/healthy'], { command: ['sh', '-c', 'touch /tmp/healthy; sleep 600'] })
        .ready,
    ).toBe(true);
    expect(exec(['pg_isready']).ready).toBe(false);
  });
});
