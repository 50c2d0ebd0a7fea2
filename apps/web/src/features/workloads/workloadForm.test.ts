import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  defaultWorkloadForm,
  eipInfoVolume,
  poolCapacityWith,
  waitForEipInitContainer,
  workloadManifest,
  workloadProblems,
  type EipFields,
  type WorkloadForm,
  type WorkloadLookups,
} from './workloadForm.ts';
import { fieldOfPath, serverProblems } from './workloadProblems.ts';

const lookups: WorkloadLookups = {
  names: new Set(['nginx']),
  pools: [{ metadata: { name: 'demo-pool' }, spec: { amount: 3 } }],
  deployments: [
    {
      metadata: { name: 'web-eip' },
      spec: {
        replicas: 2,
        template: { metadata: { annotations: { 'yangtse.io/eip-pool': 'demo-pool' } } },
      },
    },
  ],
  snapshots: new Map([
    ['web-cache', 'Available'],
    ['ml-toolchain', 'Creating'],
  ]),
};

const base: WorkloadForm = { ...defaultWorkloadForm(), name: 'shop', image: 'nginx:alpine' };
const withEip = (eip: Partial<EipFields>): WorkloadForm => ({
  ...base,
  eip: { ...base.eip, ...eip },
});
const withSnapshot = (snapshot: Partial<WorkloadForm['snapshot']>): WorkloadForm => ({
  ...base,
  snapshot: { ...base.snapshot, ...snapshot },
});

function errors(form: WorkloadForm): string[] {
  return workloadProblems(form, workloadManifest(form, 'demo'), 'demo', lookups)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.rule} ${p.field}`);
}

function severities(form: WorkloadForm): string[] {
  return workloadProblems(form, workloadManifest(form, 'demo'), 'demo', lookups).map(
    (p) => `${p.rule} ${p.severity} ${p.field}`,
  );
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const podOf = (form: WorkloadForm): Doc => (workloadManifest(form, 'demo') as Doc).spec.template;

describe('workload form → Deployment', () => {
  it('D1 P1 P2 sends one container with requests = limits, matching labels and the pull secret', () => {
    const doc = workloadManifest({ ...base, cpu: '250m', memory: '2Gi', port: 8080 }, 'demo');
    expect(doc).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop', namespace: 'demo' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'shop' } },
        template: { metadata: { labels: { app: 'shop' } } },
      },
    });
    const container = (doc as Doc).spec.template.spec.containers[0];
    expect(container.resources).toEqual({
      limits: { cpu: '250m', memory: '2Gi' },
      requests: { cpu: '250m', memory: '2Gi' },
    });
    expect(container.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    expect((doc as Doc).spec.template.spec.imagePullSecrets).toEqual([
      { name: 'imagepull-secret' },
    ]);
    expect(podOf(base).metadata.annotations).toBeUndefined();
    // The preview shows plain YAML: no object is shared, so no anchors/aliases.
    const full = workloadManifest(withEip({ mode: 'pool', pool: 'p', waitForEip: true }), 'demo');
    expect(stringify(full)).not.toMatch(/[&*]a\d/);
    expect(errors(base)).toEqual([]);
  });

  it('P1 an unparsable quantity is an error on the resources field', () => {
    expect(errors({ ...base, cpu: 'lots' })).toContain('P1 resources');
  });

  it('D2 K8s name, replicas, image and port are checked with their rule IDs', () => {
    expect(errors({ ...base, name: '' })).toEqual(['D2 name']);
    expect(errors({ ...base, name: 'Shop_1' })).toContain('D2 name');
    expect(errors({ ...base, name: 'nginx' })).toEqual(['D2 name']);
    expect(errors({ ...base, replicas: '' })).toContain('K8s replicas');
    expect(errors({ ...base, replicas: 1.5 })).toContain('K8s replicas');
    expect(errors({ ...base, image: '' })).toContain('K8s image');
    expect(errors({ ...base, port: 70000 })).toContain('K8s port');
    expect(podOf({ ...base, port: '' }).spec.containers[0].ports).toBeUndefined();
  });
});

describe('workload form: EIPs', () => {
  it('E4 a pool sends yangtse.io/eip-pool; an unknown or empty pool is an E4 error', () => {
    const form = withEip({ mode: 'pool', pool: 'demo-pool' });
    expect(podOf(form).metadata.annotations).toEqual({ 'yangtse.io/eip-pool': 'demo-pool' });
    expect(errors(form)).toEqual([]);
    expect(errors(withEip({ mode: 'pool', pool: '' }))).toEqual(['E4 eipPool']);
    expect(errors(withEip({ mode: 'pool', pool: 'elsewhere' }))).toEqual(['E4 eipPool']);
  });

  it('E8 the chosen pool is short when replicas plus surge exceed it', () => {
    const one = withEip({ mode: 'pool', pool: 'demo-pool' });
    expect(poolCapacityWith(one, workloadManifest(one, 'demo'), lookups)).toMatchObject({
      needed: 5, // web-eip 2 + 1 surge, this one 1 + 1 surge
      size: 3,
      sufficient: false,
    });
    expect(poolCapacityWith(base, workloadManifest(base, 'demo'), lookups)).toBeUndefined();
  });

  it('EIP1 created with the pod sends size, line, charge mode (defaults 5, 5_bgp, bandwidth)', () => {
    expect(podOf(withEip({ mode: 'withPod' })).metadata.annotations).toEqual({
      'yangtse.io/pod-with-eip': 'true',
      'yangtse.io/eip-bandwidth-size': '5',
      'yangtse.io/eip-network-type': '5_bgp',
      'yangtse.io/eip-charge-mode': 'bandwidth',
    });
    const named = withEip({ mode: 'withPod', bandwidthName: 'bw', chargeMode: 'traffic' });
    expect(podOf(named).metadata.annotations).toMatchObject({
      'yangtse.io/eip-bandwidth-name': 'bw',
      'yangtse.io/eip-charge-mode': 'traffic',
    });
  });

  it('EIP1 bandwidth size outside 1-200 is an error on the size field', () => {
    expect(errors(withEip({ mode: 'withPod', bandwidthSize: 201 }))).toEqual([
      'EIP1 bandwidthSize',
    ]);
    expect(errors(withEip({ mode: 'withPod', bandwidthSize: 0 }))).toEqual(['EIP1 bandwidthSize']);
    expect(errors(withEip({ mode: 'withPod', bandwidthSize: 200 }))).toEqual([]);
  });

  it('EIP1 a shared bandwidth sends only its id', () => {
    const form = withEip({ mode: 'withPod', sharedBandwidth: true, bandwidthId: 'bw-1' });
    expect(podOf(form).metadata.annotations).toEqual({
      'yangtse.io/pod-with-eip': 'true',
      'yangtse.io/eip-bandwidth-id': 'bw-1',
    });
    expect(errors(form)).toEqual([]);
  });

  it('EIP2 an existing EIP is bound by id; an empty id is an error, EIP5 warns for >1 replica', () => {
    const form = withEip({ mode: 'existing', eipId: ' eip-123 ' });
    expect(podOf(form).metadata.annotations).toEqual({ 'yangtse.io/eip-id': 'eip-123' });
    expect(errors(form)).toEqual([]);
    expect(errors(withEip({ mode: 'existing', eipId: '' }))).toEqual(['EIP2 eipId']);
    expect(severities({ ...form, replicas: 2 })).toContain('EIP5 warning eipId');
  });

  it('EIP3 the form sends exactly one EIP source, so no priority note is needed', () => {
    for (const mode of ['pool', 'withPod', 'existing'] as const) {
      const form = withEip({ mode, pool: 'demo-pool', eipId: 'e' });
      const keys = Object.keys(podOf(form).metadata.annotations as object);
      const sources = keys.filter((k) =>
        ['yangtse.io/eip-id', 'yangtse.io/pod-with-eip', 'yangtse.io/eip-pool'].includes(k),
      );
      expect(sources).toHaveLength(1);
      expect(severities(form).filter((s) => s.startsWith('EIP3'))).toEqual([]);
    }
  });

  it("EIP7 wait for the EIP adds the seed's init container and downwardAPI volume verbatim", () => {
    const spec = podOf(withEip({ mode: 'pool', pool: 'demo-pool', waitForEip: true })).spec;
    expect(spec.initContainers).toEqual([waitForEipInitContainer]);
    expect(spec.initContainers[0].command).toEqual([
      'timeout',
      '60',
      'sh',
      '-c',
      "until grep -E '[0-9]+' /etc/eipinfo/allocated-ipv4-eip; do echo waiting for allocated-ipv4-eip; sleep 2; done",
    ]);
    expect(spec.volumes).toEqual([eipInfoVolume]);
    expect(eipInfoVolume.downwardAPI.items[0]?.fieldRef.fieldPath).toBe(
      "metadata.annotations['yangtse.io/allocated-ipv4-eip']",
    );
    // Without an EIP there is nothing to wait for.
    const none = podOf({ ...base, eip: { ...base.eip, waitForEip: true } }).spec;
    expect(none.initContainers).toBeUndefined();
    expect(none.volumes).toBeUndefined();
  });
});

describe('workload form: image snapshots', () => {
  it('S3 auto-match sends cci.io/image-snapshot-auto-match "true"', () => {
    expect(podOf(withSnapshot({ mode: 'auto' })).metadata.annotations).toEqual({
      'cci.io/image-snapshot-auto-match': 'true',
    });
  });

  it('S3 a specified snapshot sends its name with auto-match "false" (seed 9.2)', () => {
    const form = { ...defaultWorkloadForm('web-cache'), name: 'shop', image: 'nginx:alpine' };
    expect(podOf(form).metadata.annotations).toEqual({
      'cci.io/image-snapshot-auto-match': 'false',
      'cci.io/image-snapshot-specified-name': 'web-cache',
    });
    expect(errors(form)).toEqual([]);
  });

  it('S3 a specified snapshot plus auto-match is a conflict, reported before sending', () => {
    const form = withSnapshot({ mode: 'specified', name: 'web-cache', autoMatch: true });
    const problems = workloadProblems(form, workloadManifest(form, 'demo'), 'demo', lookups);
    const conflict = problems.find((p) => p.rule === 'S3');
    expect(conflict).toMatchObject({ field: 'snapshot', severity: 'error' });
    expect(conflict?.message?.en).toMatch(/conflict/);
    expect(conflict?.message?.['zh-CN']).toMatch(/冲突/);
  });

  it('S3 a specified snapshot must exist and be Available', () => {
    expect(errors(withSnapshot({ mode: 'specified', name: 'ml-toolchain' }))).toEqual([
      'S3 snapshot',
    ]);
    expect(errors(withSnapshot({ mode: 'specified', name: 'gone' }))).toEqual(['S3 snapshot']);
    expect(errors(withSnapshot({ mode: 'specified', name: '' }))).toEqual(['S3 snapshot']);
  });
});

describe('workload form: server refusals', () => {
  it('fieldOfPath maps rule paths to the inputs', () => {
    const a = (key: string) => `spec.template.metadata.annotations[${JSON.stringify(key)}]`;
    expect(fieldOfPath(a('yangtse.io/eip-id'))).toBe('eipId');
    expect(fieldOfPath(a('cci.io/image-snapshot-specified-name'))).toBe('snapshot');
    expect(fieldOfPath('spec.template.spec.containers[0].resources.requests.cpu')).toBe(
      'resources',
    );
    expect(fieldOfPath('spec.template.spec.initContainers[0].command')).toBe('waitForEip');
    expect(fieldOfPath('metadata.name')).toBe('name');
    expect(fieldOfPath('spec.strategy')).toBe('other');
  });

  it('EIP2 a 422 cause lands on its field with the rule from its reason', () => {
    const problems = serverProblems(
      {
        code: 422,
        message: 'invalid',
        details: {
          causes: [
            {
              reason: 'CCI.EIP2',
              field: 'spec.template.metadata.annotations["yangtse.io/eip-id"]',
              message: 'EIP2: EIP e-1 belongs to EIPPool "demo-pool"',
            },
          ],
        },
      },
      'fallback',
    );
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'EIP2', field: 'eipId', severity: 'error' }),
    ]);
  });

  it('EIP2 S3 a 404/400 message is split into its path: RULE: text parts', () => {
    const message =
      'Deployment "x" refers to a missing object: spec.template.metadata.annotations["yangtse.io/eip-id"]: EIP2: eip "nope" not found; name an existing EIP; spec.template.metadata.annotations["cci.io/image-snapshot-specified-name"]: S3: conflict';
    const problems = serverProblems({ code: 404, message }, message);
    expect(problems.map((p) => `${p.rule} ${p.field}`)).toEqual(['EIP2 eipId', 'S3 snapshot']);
    expect(problems[0]?.message?.en).toBe('eip "nope" not found; name an existing EIP');
  });

  it('K8s a refusal without rule or field is kept whole (an AlreadyExists, say)', () => {
    const problems = serverProblems(
      { code: 409, reason: 'AlreadyExists', message: 'deployments "shop" already exists' },
      'x',
    );
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'AlreadyExists', field: 'other', severity: 'error' }),
    ]);
  });
});
