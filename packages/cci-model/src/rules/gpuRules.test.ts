import { describe, expect, it } from 'vitest';
import { checkGpuResources } from './gpuRules.ts';
import { seedFixture } from './seedFixtures.testkit.ts';

type Doc = Record<string, unknown>;
const v100 = 'nvidia.com/gpu-tesla-v100-16GB';
const limitPath = `spec.containers[0].resources.limits["${v100}"]`;
const driverPath = 'metadata.annotations["cri.cci.io/gpu-driver"]';

function gpuPod(
  limits: Doc,
  requests: Doc = limits,
  annotations: Doc | undefined = { 'cri.cci.io/gpu-driver': 'gpu-460.106' },
): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'gpu', namespace: 'ml', annotations },
    spec: { containers: [{ name: 'c', resources: { limits, requests } }] },
  };
}

const flavors = (flavor: string) => ({
  namespaceFlavor: (ns: string) => (ns === 'ml' ? flavor : undefined),
});

describe('P3 GPU resources', () => {
  it('P3 accepts the seed GPU pod 04-02 in a gpu-accelerated namespace', () => {
    const ctx = { namespace: 'gpu-ns', namespaceFlavor: () => 'gpu-accelerated' };
    expect(checkGpuResources(seedFixture('04-02-pod-gpu.yaml'), ctx)).toEqual([]);
  });

  it('P3 rejects the seed GPU pod 04-02 in a general-computing namespace', () => {
    const ctx = { namespace: 'cpu-ns', namespaceFlavor: () => 'general-computing' };
    const found = checkGpuResources(seedFixture('04-02-pod-gpu.yaml'), ctx);
    expect(found.map((v) => [v.rule, v.severity, v.path])).toEqual([['P3', 'error', limitPath]]);
    expect(found[0]?.message.en).toContain('gpu-accelerated');
    expect(found[0]?.message['zh-CN']).toContain('cpu-ns');
  });

  it('P3 skips the namespace check when the namespace type is unknown', () => {
    expect(checkGpuResources(gpuPod({ [v100]: 1 }), { namespaceFlavor: () => undefined })).toEqual(
      [],
    );
  });

  it('P3 uses metadata.namespace over the request namespace', () => {
    expect(
      checkGpuResources(gpuPod({ [v100]: 1 }), {
        namespace: 'other',
        ...flavors('gpu-accelerated'),
      }),
    ).toEqual([]);
  });

  it.each([1, 2, 4, 8, '4'])('P3 accepts %j cards', (count) => {
    expect(checkGpuResources(gpuPod({ [v100]: count }), flavors('gpu-accelerated'))).toEqual([]);
  });

  it.each([3, 0, 16, '1.5', 'x'])('P3 rejects %j cards', (count) => {
    const found = checkGpuResources(gpuPod({ [v100]: count }), {});
    expect(found.map((v) => [v.rule, v.path])).toEqual([['P3', limitPath]]);
  });

  it('P3 rejects a GPU type CCI does not offer', () => {
    const found = checkGpuResources(gpuPod({ 'nvidia.com/gpu-a100': 1 }), {});
    expect(found.map((v) => v.path)).toEqual([
      'spec.containers[0].resources.limits["nvidia.com/gpu-a100"]',
    ]);
  });

  it('P3 requires limits equal to requests for GPUs', () => {
    const found = checkGpuResources(gpuPod({ [v100]: 2 }, { [v100]: 1 }), {});
    expect(found.map((v) => [v.rule, v.path])).toEqual([
      ['P3', `spec.containers[0].resources.requests["${v100}"]`],
    ]);
    expect(found[0]?.fix?.set?.[0]?.value).toBe(2);
  });

  it('P3 requires the driver annotation on a GPU pod and offers one', () => {
    const found = checkGpuResources(gpuPod({ [v100]: 1 }, undefined, {}), {});
    expect(found.map((v) => [v.rule, v.path])).toEqual([['P3', driverPath]]);
    expect(found[0]?.fix?.set).toEqual([{ path: driverPath, value: 'gpu-460.106' }]);
  });

  it('P3 rejects an unknown driver version', () => {
    const found = checkGpuResources(
      gpuPod({ [v100]: 1 }, undefined, { 'cri.cci.io/gpu-driver': 'gpu-535' }),
      {},
    );
    expect(found.map((v) => v.path)).toEqual([driverPath]);
  });

  it('P3 leaves CPU pods alone, even in a gpu-accelerated namespace', () => {
    const doc = gpuPod({ cpu: '1' }, { cpu: '1' }, undefined);
    expect(checkGpuResources(doc, flavors('gpu-accelerated'))).toEqual([]);
  });
});
