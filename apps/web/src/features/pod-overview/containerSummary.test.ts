import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import { containerSummaries, probeText, stateTone } from './containerSummary.ts';
import { volumeSummaries } from './podVolumes.ts';

const pod: KubeObject = {
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'demo' },
  spec: {
    initContainers: [{ name: 'setup', image: 'busybox:1.36' }],
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        ports: [
          { containerPort: 80, name: 'http' },
          { containerPort: 9100, protocol: 'UDP' },
        ],
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m' } },
        readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 },
        livenessProbe: { exec: { command: ['ls', '/ready'] }, periodSeconds: 3 },
        env: [
          { name: 'MODE', value: 'demo' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LOG_LEVEL' } } },
          { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
        envFrom: [
          { secretRef: { name: 'all-secret' }, prefix: 'S_' },
          { configMapRef: { name: 'cfg' } },
        ],
        volumeMounts: [{ name: 'conf', mountPath: '/etc/app', readOnly: true }],
      },
      { name: 'sidecar', image: 'fluent-bit:3' },
    ],
    volumes: [
      { name: 'conf', configMap: { name: 'cfg' } },
      { name: 'creds', secret: { secretName: 'db' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'pvc-1' } },
      { name: 'tmp', emptyDir: { medium: 'Memory' } },
      {
        name: 'all',
        projected: { sources: [{ configMap: { name: 'a' } }, { secret: { name: 'b' } }] },
      },
    ],
  },
  status: {
    initContainerStatuses: [
      {
        name: 'setup',
        ready: true,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
    ],
    containerStatuses: [
      {
        name: 'app',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
        lastState: {
          terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-01-01T00:00:00Z' },
        },
      },
      {
        name: 'sidecar',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
      },
    ],
  },
};

describe('containerSummaries', () => {
  const [setup, app, sidecar] = containerSummaries(pod);

  it('lists init containers first and joins each with its status by name', () => {
    expect([setup, app, sidecar].map((c) => [c?.name, c?.init, c?.image, c?.restarts])).toEqual([
      ['setup', true, 'busybox:1.36', 0],
      ['app', false, 'nginx:1.27', 4],
      ['sidecar', false, 'fluent-bit:3', 0],
    ]);
  });

  it('reads state, reason and the last termination with its exit code', () => {
    expect(app?.state).toMatchObject({ kind: 'waiting', reason: 'CrashLoopBackOff' });
    expect(app?.lastTermination).toMatchObject({
      kind: 'terminated',
      exitCode: 137,
      reason: 'OOMKilled',
    });
    expect(setup?.state).toMatchObject({ kind: 'terminated', exitCode: 0, reason: 'Completed' });
    expect(sidecar?.state).toMatchObject({ kind: 'running', since: '2026-01-01T00:00:00Z' });
    expect([setup, app, sidecar].map((c) => c && stateTone(c))).toEqual(['done', 'bad', 'ok']);
  });

  it('reads ports, resources, probes and mounts', () => {
    expect(app?.ports).toEqual(['80/TCP (http)', '9100/UDP']);
    expect(app?.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(app?.limits).toEqual({ cpu: '500m' });
    expect(app?.probes.map((p) => p.kind)).toEqual(['liveness', 'readiness']);
    expect(app?.mounts).toEqual([
      { volume: 'conf', path: '/etc/app', readOnly: true, subPath: '' },
    ]);
  });

  it('names env sources and never carries a value', () => {
    expect(app?.env).toEqual([
      { name: 'MODE', source: { from: 'value' } },
      { name: 'DB_PASSWORD', source: { from: 'secret', name: 'db', key: 'password' } },
      { name: 'LEVEL', source: { from: 'configMap', name: 'cfg', key: 'LOG_LEVEL' } },
      { name: 'POD_IP', source: { from: 'field', path: 'status.podIP' } },
      { name: '', source: { from: 'secretAll', name: 'all-secret', prefix: 'S_' } },
      { name: '', source: { from: 'configMapAll', name: 'cfg', prefix: '' } },
    ]);
    expect(JSON.stringify(app?.env)).not.toContain('demo');
  });

  it('shows a container without status as unknown', () => {
    const [c] = containerSummaries({
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'x' }] },
    });
    expect(c?.state.kind).toBe('unknown');
    expect(c && stateTone(c)).toBe('warn');
  });
});

describe('probeText', () => {
  it('writes the probe as kubectl describe does', () => {
    expect(probeText({ httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 })).toBe(
      'http-get http://:80/ delay=5s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(probeText({ tcpSocket: { port: 6379 }, failureThreshold: 5 })).toBe(
      'tcp-socket :6379 delay=0s timeout=1s period=10s #success=1 #failure=5',
    );
    expect(probeText({ exec: { command: ['ls', '/ready'] } })).toMatch(/^exec \[ls \/ready\] /);
  });
});

describe('volumeSummaries', () => {
  it('links ConfigMaps, Secrets and claims, and lists projected sources', () => {
    expect(
      volumeSummaries(pod).map((v) => [v.name, v.type, v.target?.plural, v.target?.name]),
    ).toEqual([
      ['conf', 'configMap', 'configmaps', 'cfg'],
      ['creds', 'secret', 'secrets', 'db'],
      ['data', 'persistentVolumeClaim', 'persistentvolumeclaims', 'pvc-1'],
      ['tmp', 'emptyDir', undefined, undefined],
      ['all', 'projected', undefined, undefined],
    ]);
    expect(volumeSummaries(pod)[3]?.detail).toBe('Memory');
    expect(volumeSummaries(pod)[4]?.sources).toEqual([
      { plural: 'configmaps', name: 'a' },
      { plural: 'secrets', name: 'b' },
    ]);
  });
});
