import { describe, expect, it } from 'vitest';
import {
  defaultSnapshotForm,
  emptyRegistry,
  maskedManifest,
  snapshotErrors,
  snapshotManifest,
  snapshotView,
} from './snapshotForm.ts';

const form = { ...defaultSnapshotForm('demo'), name: 'cache', images: ['nginx:alpine', 'redis:6'] };

describe('image snapshot form', () => {
  it('S1 builds a cluster-scoped snapshot with defaults ssd, 20 GiB, ext4', () => {
    const doc = snapshotManifest(form);
    expect(doc['metadata']).toEqual({ name: 'cache' });
    expect(doc['spec']).toEqual({
      images: [{ image: 'nginx:alpine' }, { image: 'redis:6' }],
      buildingConfig: { namespace: 'demo' },
      evsInfo: { volumeType: 'ssd', volumeSizeGiB: 20, filesystemType: 'ext4' },
      ttlDaysAfterCreated: 0,
    });
    expect(snapshotErrors(doc)).toEqual([]);
  });

  it('S1 refuses an empty image and a registry server with a scheme', () => {
    const doc = snapshotManifest({
      ...form,
      images: ['nginx', ' '],
      registries: [{ ...emptyRegistry, server: 'https://private.example.com' }],
    });
    expect(snapshotErrors(doc).map((v) => `${v.rule} ${v.path}`)).toEqual([
      'S1 spec.images[1].image',
      'S1 spec.registries[0].server',
    ]);
  });

  it('S6 the preview masks registry passwords; the manifest keeps them', () => {
    const doc = snapshotManifest({
      ...form,
      registries: [
        {
          ...emptyRegistry,
          server: 'private.example.com',
          username: 'u',
          password: 's3cret',
          plainHTTP: true,
        },
      ],
    });
    expect(JSON.stringify(maskedManifest(doc))).not.toContain('s3cret');
    expect(JSON.stringify(doc)).toContain('s3cret');
    expect(field(maskedManifest(doc))).toEqual({
      server: 'private.example.com',
      username: 'u',
      password: '********',
      plainHTTP: true,
    });
  });

  it('S2 S5 reads phase, images, expiry and expired-but-kept', () => {
    const created = '2026-01-01T00:00:00Z';
    const snap = {
      metadata: { name: 'cache', creationTimestamp: created },
      spec: { ...(snapshotManifest(form)['spec'] as object), ttlDaysAfterCreated: 2 },
      status: { phase: 'Available', images: [{ image: 'nginx:alpine' }] },
    };
    const before = snapshotView(snap, Date.parse(created) + 86_400_000);
    expect(before).toMatchObject({ phase: 'Available', images: ['nginx:alpine'], expired: false });
    expect(before.expiresAt).toBe(Date.parse(created) + 2 * 86_400_000);
    expect(snapshotView(snap, Date.parse(created) + 3 * 86_400_000).expired).toBe(true);
    const never = { ...snap, spec: { ...snap.spec, ttlDaysAfterCreated: 0 } };
    expect(snapshotView(never, Date.parse(created) + 1e12).expiresAt).toBeUndefined();
  });
});

function field(doc: Record<string, unknown>): unknown {
  return (doc['spec'] as { registries: unknown[] }).registries[0];
}
