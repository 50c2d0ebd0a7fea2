import { describe, expect, it } from 'vitest';
import { rowByColumn } from './rowByColumn.ts';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const created = '2024-05-01T11:55:00Z';

function podRow(pod: object) {
  return rowByColumn(toTable({ kind: 'Pod', objects: [pod], now, includeObject: 'None' }));
}

function pod(status: object, extra: { spec?: object; metadata?: object } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'nginx-7c9f-abcde',
      namespace: 'ns1',
      creationTimestamp: created,
      ...extra.metadata,
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx:alpine' }], ...extra.spec },
    status,
  };
}

const running = { running: { startedAt: created } };

describe('P12 kubectl get pods columns', () => {
  it('has NAME READY STATUS RESTARTS AGE, and IP NODE NOMINATED NODE READINESS GATES in wide', () => {
    const t = toTable({ kind: 'Pod', objects: [], now, includeObject: 'None' });
    expect(t.columnDefinitions.map((c) => [c.name.toUpperCase(), c.priority])).toEqual([
      ['NAME', 0],
      ['READY', 0],
      ['STATUS', 0],
      ['RESTARTS', 0],
      ['AGE', 0],
      ['IP', 1],
      ['NODE', 1],
      ['NOMINATED NODE', 1],
      ['READINESS GATES', 1],
    ]);
    expect(t.columnDefinitions[0]?.format).toBe('name');
  });

  it('prints a running pod', () => {
    const p = pod(
      {
        phase: 'Running',
        podIP: '192.168.0.12',
        podIPs: [{ ip: '192.168.0.12' }],
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running }],
      },
      { spec: { nodeName: 'cci-node-1' } },
    );
    expect(podRow(p)).toEqual({
      Name: 'nginx-7c9f-abcde',
      Ready: '1/1',
      Status: 'Running',
      Restarts: '0',
      Age: '5m',
      IP: '192.168.0.12',
      Node: 'cci-node-1',
      'Nominated Node': '<none>',
      'Readiness Gates': '<none>',
    });
  });

  it('prints Pending for a pod without status and <none> for missing wide cells', () => {
    const row = podRow(pod({}));
    expect([row.Ready, row.Status, row.IP, row.Node]).toEqual([
      '0/1',
      'Pending',
      '<none>',
      '<none>',
    ]);
  });

  it('prints the waiting reason (ContainerCreating, CrashLoopBackOff) with restarts and when', () => {
    expect(
      podRow(
        pod({
          phase: 'Pending',
          containerStatuses: [
            {
              name: 'nginx',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'ContainerCreating' } },
            },
          ],
        }),
      ).Status,
    ).toBe('ContainerCreating');
    const crashing = podRow(
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'nginx',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, finishedAt: '2024-05-01T11:59:10Z' } },
          },
        ],
      }),
    );
    expect([crashing.Status, crashing.Restarts, crashing.Ready]).toEqual([
      'CrashLoopBackOff',
      '4 (50s ago)',
      '0/1',
    ]);
  });

  it('prints Completed for a finished pod and marks the row completed', () => {
    const t = toTable({
      kind: 'Pod',
      objects: [
        pod({
          phase: 'Succeeded',
          containerStatuses: [
            {
              name: 'nginx',
              ready: false,
              state: { terminated: { exitCode: 0, reason: 'Completed' } },
            },
          ],
        }),
      ],
      now,
      includeObject: 'None',
    });
    expect(rowByColumn(t).Status).toBe('Completed');
    expect(t.rows[0]?.conditions).toEqual([
      expect.objectContaining({ type: 'Completed', reason: 'Succeeded' }),
    ]);
  });

  it('prints Error / ExitCode / Signal for terminated containers', () => {
    const term = (terminated: object) =>
      podRow(
        pod({ phase: 'Failed', containerStatuses: [{ name: 'nginx', state: { terminated } }] }),
      ).Status;
    expect(term({ exitCode: 1, reason: 'Error' })).toBe('Error');
    expect(term({ exitCode: 3 })).toBe('ExitCode:3');
    expect(term({ exitCode: 137, signal: 9 })).toBe('Signal:9');
  });

  it('prints Terminating while a deletion is pending, but not for finished pods', () => {
    const status = {
      phase: 'Running',
      containerStatuses: [{ name: 'nginx', ready: true, state: running }],
    };
    const deleting = { deletionTimestamp: '2024-05-01T11:59:30Z' };
    expect(podRow(pod(status, { metadata: deleting })).Status).toBe('Terminating');
    expect(podRow(pod({ phase: 'Succeeded' }, { metadata: deleting })).Status).toBe('Succeeded');
    expect(
      podRow(pod({ phase: 'Running', reason: 'NodeLost' }, { metadata: deleting })).Status,
    ).toBe('Unknown');
  });

  it('prints init progress (P7): Init:0/2, Init:1/2, Init:Error, Init:CrashLoopBackOff', () => {
    const spec = { initContainers: [{ name: 'a' }, { name: 'b' }] };
    const init = (initContainerStatuses: object[]) =>
      podRow(pod({ phase: 'Pending', initContainerStatuses }, { spec })).Status;
    expect(
      init([
        { name: 'a', state: running },
        { name: 'b', state: { waiting: { reason: 'PodInitializing' } } },
      ]),
    ).toBe('Init:0/2');
    expect(
      init([
        { name: 'a', state: { terminated: { exitCode: 0 } } },
        { name: 'b', state: running },
      ]),
    ).toBe('Init:1/2');
    expect(init([{ name: 'a', state: { terminated: { exitCode: 2, reason: 'Error' } } }])).toBe(
      'Init:Error',
    );
    expect(init([{ name: 'a', state: { terminated: { exitCode: 2 } } }])).toBe('Init:ExitCode:2');
    expect(init([{ name: 'a', state: { waiting: { reason: 'CrashLoopBackOff' } } }])).toBe(
      'Init:CrashLoopBackOff',
    );
  });

  it('counts ready containers out of all containers and sums restarts', () => {
    const p = pod(
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 1, state: running },
          { name: 'b', ready: false, restartCount: 2, state: running },
        ],
      },
      { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
    );
    expect([podRow(p).Ready, podRow(p).Restarts, podRow(p).Status]).toEqual([
      '1/2',
      '3',
      'Running',
    ]);
  });

  it('counts passing readiness gates', () => {
    const p = pod(
      { phase: 'Running', conditions: [{ type: 'example.com/lb', status: 'True' }] },
      {
        spec: {
          readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/x' }],
        },
      },
    );
    expect(podRow(p)['Readiness Gates']).toBe('1/2');
  });
});
