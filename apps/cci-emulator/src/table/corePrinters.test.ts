import { describe, expect, it } from 'vitest';
import { rowByColumn } from './rowByColumn.ts';
import { toTable } from './toTable.ts';

const now = new Date('2024-05-01T12:00:00Z');
const metadata = {
  name: 'app-config',
  namespace: 'ns1',
  creationTimestamp: '2024-05-01T11:59:37Z',
};

function row(kind: string, object: object): Record<string, unknown> {
  const t = toTable({ kind, objects: [object], now, includeObject: 'None' });
  return { columns: t.columnDefinitions.map((c) => c.name.toUpperCase()), ...rowByColumn(t) };
}

describe('N8 kubectl get ns', () => {
  it('shows NAME STATUS AGE', () => {
    const r = row('Namespace', {
      metadata: {
        name: 'ns-demo',
        creationTimestamp: '2024-04-30T09:00:00Z',
        annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    expect(r).toEqual({
      columns: ['NAME', 'STATUS', 'AGE'],
      Name: 'ns-demo',
      Status: 'Active',
      Age: '27h',
    });
    expect(row('Namespace', { metadata, status: { phase: 'Terminating' } }).Status).toBe(
      'Terminating',
    );
  });
});

describe('kubectl get configmap / secret', () => {
  it('counts data and binaryData keys', () => {
    const r = row('ConfigMap', {
      metadata,
      data: { 'output.conf': '[OUTPUT]', a: '1' },
      binaryData: { b: 'AA==' },
    });
    expect(r).toEqual({
      columns: ['NAME', 'DATA', 'AGE'],
      Name: 'app-config',
      Data: 3,
      Age: '23s',
    });
    expect(row('ConfigMap', { metadata }).Data).toBe(0);
  });

  it('shows the secret type and key count', () => {
    const r = row('Secret', {
      metadata: { ...metadata, name: 'imagepull-secret' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': 'e30=' },
    });
    expect(r).toEqual({
      columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
      Name: 'imagepull-secret',
      Type: 'kubernetes.io/dockerconfigjson',
      Data: 1,
      Age: '23s',
    });
    expect(
      row('Secret', { metadata, stringData: { a: 'x' }, data: { a: 'eA==', b: 'eQ==' } }),
    ).toMatchObject({
      Type: 'Opaque',
      Data: 2,
    });
  });
});

describe('kubectl get pvc', () => {
  it('shows volume details once bound, blanks before', () => {
    const bound = row('PersistentVolumeClaim', {
      metadata: { ...metadata, name: 'data' },
      spec: {
        volumeName: 'pvc-1234',
        storageClassName: 'sas',
        resources: { requests: { storage: '10Gi' } },
      },
      status: {
        phase: 'Bound',
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
      },
    });
    expect(bound.columns).toEqual([
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'AGE',
      'VOLUMEMODE',
    ]);
    expect(bound).toMatchObject({
      Status: 'Bound',
      Volume: 'pvc-1234',
      Capacity: '10Gi',
      'Access Modes': 'RWO,RWX',
      StorageClass: 'sas',
      VolumeMode: '<unset>',
    });
    const pending = row('PersistentVolumeClaim', {
      metadata: { ...metadata, deletionTimestamp: '2024-05-01T12:00:00Z' },
      spec: { storageClassName: 'sas', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(pending).toMatchObject({
      Status: 'Terminating',
      Volume: '',
      Capacity: '',
      'Access Modes': '',
      VolumeMode: 'Filesystem',
    });
  });
});

describe('kubectl get events', () => {
  const event = {
    metadata: {
      name: 'nginx-abc.17a',
      namespace: 'ns1',
      creationTimestamp: '2024-05-01T11:50:00Z',
    },
    involvedObject: {
      kind: 'Pod',
      name: 'nginx-abc',
      namespace: 'ns1',
      fieldPath: 'spec.containers{nginx}',
    },
    reason: 'Pulled',
    message: 'Successfully pulled image "nginx:alpine"\n',
    type: 'Normal',
    source: { component: 'kubelet', host: 'cci-node-1' },
    firstTimestamp: '2024-05-01T11:50:00Z',
    lastTimestamp: '2024-05-01T11:58:00Z',
    count: 3,
  };

  it('shows LAST SEEN TYPE REASON OBJECT MESSAGE, wide the rest', () => {
    const r = row('Event', event);
    expect(r.columns).toEqual([
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'SUBOBJECT',
      'SOURCE',
      'MESSAGE',
      'FIRST SEEN',
      'COUNT',
      'NAME',
    ]);
    expect(r).toMatchObject({
      'Last Seen': '2m',
      Type: 'Normal',
      Reason: 'Pulled',
      Object: 'pod/nginx-abc',
      Subobject: 'spec.containers{nginx}',
      Source: 'kubelet, cci-node-1',
      Message: 'Successfully pulled image "nginx:alpine"',
      'First Seen': '10m',
      Count: 3,
      Name: 'nginx-abc.17a',
    });
  });

  it('falls back to eventTime, series and the reporting controller (events.k8s.io style)', () => {
    const r = row('Event', {
      metadata: event.metadata,
      involvedObject: { kind: 'Deployment', name: 'nginx' },
      eventTime: '2024-05-01T11:40:00.000000Z',
      series: { count: 7, lastObservedTime: '2024-05-01T11:59:00.000000Z' },
      reportingController: 'deployment-controller',
      reportingInstance: 'cci-emulator',
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up',
    });
    expect(r).toMatchObject({
      'Last Seen': '60s',
      'First Seen': '20m',
      Count: 7,
      Object: 'deployment/nginx',
      Source: 'deployment-controller, cci-emulator',
    });
    expect(
      row('Event', { metadata: event.metadata, involvedObject: { kind: 'Node' } }),
    ).toMatchObject({
      'Last Seen': '<unknown>',
      Object: 'node',
      Count: 1,
    });
  });
});
