import { describe, expect, it } from 'vitest';
import { defaultWorkloadForm, waitForEipInitContainer } from '../workloads/workloadForm.ts';
import {
  eipFieldsOf,
  snapshotFieldsOf,
  withEipFields,
  withSnapshotFields,
} from './podAnnotationFields.ts';

const path = ['spec', 'template'] as const;
const base = {
  spec: {
    template: {
      metadata: { annotations: { 'example.com/keep': 'yes' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  },
};

describe('EIP and snapshot choices on a pod template', () => {
  it('E4 EIP7 a pool with the wait init container reads back as written, other annotations kept', () => {
    const eip = {
      ...defaultWorkloadForm().eip,
      mode: 'pool' as const,
      pool: 'p',
      waitForEip: true,
    };
    const written = withEipFields(base, path, eip);
    expect(written.spec.template.metadata.annotations).toEqual({
      'example.com/keep': 'yes',
      'yangtse.io/eip-pool': 'p',
    });
    expect(eipFieldsOf(written.spec.template)).toEqual(eip);
    const none = withEipFields(written, path, { ...eip, mode: 'none' });
    expect(none.spec.template.metadata.annotations).toEqual({ 'example.com/keep': 'yes' });
    expect(none.spec.template.spec).toEqual(base.spec.template.spec);
  });

  it('EIP1 EIP2 created-with-pod and existing EIPs read back', () => {
    const withPod = { ...defaultWorkloadForm().eip, mode: 'withPod' as const, bandwidthSize: '10' };
    expect(eipFieldsOf(withEipFields(base, path, withPod).spec.template)).toEqual(withPod);
    const existing = { ...defaultWorkloadForm().eip, mode: 'existing' as const, eipId: 'eip-1' };
    expect(eipFieldsOf(withEipFields(base, path, existing).spec.template)).toEqual(existing);
    expect(
      withEipFields(base, path, { ...withPod, waitForEip: true }).spec.template.spec,
    ).toMatchObject({ initContainers: [waitForEipInitContainer] });
  });

  it('S3 a specified snapshot (with auto-match off) and auto-match read back', () => {
    const specified = { mode: 'specified' as const, name: 'web-cache', autoMatch: false };
    const written = withSnapshotFields(base, path, specified);
    expect(written.spec.template.metadata.annotations).toEqual({
      'example.com/keep': 'yes',
      'cci.io/image-snapshot-auto-match': 'false',
      'cci.io/image-snapshot-specified-name': 'web-cache',
    });
    expect(snapshotFieldsOf(written.spec.template)).toEqual(specified);
    const auto = { mode: 'auto' as const, name: '', autoMatch: false };
    expect(snapshotFieldsOf(withSnapshotFields(base, path, auto).spec.template)).toEqual(auto);
  });
});
