import { describe, expect, it } from 'vitest';
import { imageSnapshotRules } from './imageSnapshotRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const snapshot = (spec: Doc = {}, metadata: Doc = {}): Doc => ({
  apiVersion: 'imagecache.cci.io/v1',
  kind: 'ImageSnapshot',
  metadata: { name: 'my-imagesnapshot', ...metadata },
  spec: {
    images: [{ image: 'nginx:latest' }, { image: 'serverA.com/xx/redis' }],
    buildingConfig: { namespace: 'my-namespace-a' },
    ...spec,
  },
});
const run = (doc: Doc): RuleViolation[] => imageSnapshotRules.flatMap((rule) => rule(doc, {}));
const errors = (doc: Doc) =>
  run(doc)
    .filter((v) => v.severity === 'error')
    .map((v) => `${v.rule} ${v.path}`);

describe('imageSnapshotRules', () => {
  it('S1 accepts the minimal snapshot and every optional field', () => {
    expect(run(snapshot())).toEqual([]);
    const full = snapshot({
      registries: [{ server: 'serverB.com:5000', plainHTTP: true, insecureSkipVerify: false }],
      evsInfo: { volumeType: 'sas', volumeSizeGiB: 20, filesystemType: 'ext4' },
      ttlDaysAfterCreated: 0,
    });
    expect(run(full)).toEqual([]);
  });

  it('S1 refuses metadata.namespace (cluster-scoped) and offers to remove it', () => {
    const [violation] = run(snapshot({}, { namespace: 'default' }));
    expect(violation?.path).toBe('metadata.namespace');
    expect(violation?.fix?.remove).toEqual(['metadata.namespace']);
    expect(violation?.message.en).toContain('spec.buildingConfig.namespace');
  });

  it.each([
    [{ images: [] }, 'S1 spec.images'],
    [{ images: undefined }, 'S1 spec.images'],
    [{ images: [{ image: '' }] }, 'S1 spec.images[0].image'],
    [{ images: [{ name: 'nginx' }] }, 'S1 spec.images[0].image'],
    [{ registries: [{ username: 'u', password: 'p' }] }, 'S1 spec.registries[0].server'],
    [{ registries: [{ server: 'https://serverA.com' }] }, 'S1 spec.registries[0].server'],
    [{ registries: [{ server: 'a.com', username: 'u' }] }, 'S1 spec.registries[0].password'],
    [{ registries: [{ server: 'a.com', plainHTTP: 'true' }] }, 'S1 spec.registries[0].plainHTTP'],
    [
      { registries: [{ server: 'a.com', insecureSkipVerify: 1 }] },
      'S1 spec.registries[0].insecureSkipVerify',
    ],
    [{ registries: { server: 'a.com' } }, 'S1 spec.registries'],
    [{ buildingConfig: {} }, 'S1 spec.buildingConfig.namespace'],
    [{ buildingConfig: { namespace: 'My_NS' } }, 'S1 spec.buildingConfig.namespace'],
    [{ evsInfo: { volumeType: 'gold' } }, 'S1 spec.evsInfo.volumeType'],
    [{ evsInfo: { volumeSizeGiB: 20.5 } }, 'S1 spec.evsInfo.volumeSizeGiB'],
    [{ evsInfo: { volumeSizeGiB: 0 } }, 'S1 spec.evsInfo.volumeSizeGiB'],
    [{ evsInfo: { filesystemType: 'xfs' } }, 'S1 spec.evsInfo.filesystemType'],
    [{ ttlDaysAfterCreated: -1 }, 'S1 spec.ttlDaysAfterCreated'],
    [{ ttlDaysAfterCreated: '7' }, 'S1 spec.ttlDaysAfterCreated'],
  ])('S1 flags %j', (spec, expected) => {
    expect(errors(snapshot(spec))).toEqual([expected]);
  });

  it('S1 offers to strip the scheme from a registry server', () => {
    const [violation] = run(snapshot({ registries: [{ server: 'http://serverB.com' }] }));
    expect(violation?.fix?.set).toEqual([
      { path: 'spec.registries[0].server', value: 'serverB.com' },
    ]);
    expect(violation?.message.en).toContain('plainHTTP: true');
  });

  it('S5 notes that an expiring snapshot still counts against the quota', () => {
    const found = run(snapshot({ ttlDaysAfterCreated: 20 }));
    expect(found.map((v) => `${v.rule} ${v.severity}`)).toEqual(['S5 info']);
    expect(found[0]?.message['zh-CN']).toContain('配额');
  });

  it('S6 marks each registry password as a credential that is never shown again', () => {
    const registries = [
      { server: 'a.com', username: 'userA', password: 'pwdA' },
      { server: 'b.com' },
      { server: 'c.com', username: 'userC', password: 'pwdC' },
    ];
    const found = run(snapshot({ registries }));
    expect(found.map((v) => `${v.rule} ${v.severity} ${v.path}`)).toEqual([
      'S6 info spec.registries[0].password',
      'S6 info spec.registries[2].password',
    ]);
    expect(found[0]?.message.en).toContain('never shows it again');
    expect(JSON.stringify(found)).not.toContain('pwdA');
  });
});
