import { describe, expect, it } from 'vitest';
import { seedFixture } from './seedFixtures.testkit.ts';
import { checkImageSnapshotUse } from './snapshotUseRules.ts';
import type { RuleContext } from './types.ts';

type Doc = Record<string, unknown>;
const autoKey = 'cci.io/image-snapshot-auto-match';
const nameKey = 'cci.io/image-snapshot-specified-name';
const at = (key: string) => `spec.template.metadata.annotations["${key}"]`;

/** Seed 09-03 (named snapshot) with its annotations replaced. */
function specified(annotations: Doc): Doc {
  const doc = seedFixture('09-03-deployment-snapshot-specified.yaml');
  const template = (doc.spec as { template: { metadata: Doc } }).template;
  template.metadata.annotations = annotations;
  return doc;
}

const snapshots = (phases: Record<string, string>): RuleContext => ({
  imageSnapshot: (name) => (name in phases ? { phase: phases[name] } : undefined),
});

describe('S3 image snapshot use', () => {
  it('S3 accepts the seed auto-match Deployment 09-02', () => {
    expect(
      checkImageSnapshotUse(seedFixture('09-02-deployment-snapshot-auto-match.yaml'), {}),
    ).toEqual([]);
  });

  it('S3 accepts the seed named snapshot 09-03 when it is Available', () => {
    const doc = seedFixture('09-03-deployment-snapshot-specified.yaml');
    expect(checkImageSnapshotUse(doc, snapshots({ 'my-imagesnapshot': 'Available' }))).toEqual([]);
  });

  it('S3 answers 400 when a named snapshot and auto-match "true" meet', () => {
    const found = checkImageSnapshotUse(
      specified({ [autoKey]: 'true', [nameKey]: 'my-imagesnapshot' }),
      {},
    );
    expect(found.map((v) => [v.rule, v.severity, v.status, v.path])).toEqual([
      ['S3', 'error', 400, at(nameKey)],
    ]);
    expect(found[0]?.fix?.set).toEqual([{ path: at(autoKey), value: 'false' }]);
  });

  it('S3 answers 404 for a snapshot that does not exist', () => {
    const found = checkImageSnapshotUse(specified({ [nameKey]: 'nope' }), snapshots({}));
    expect(found.map((v) => [v.status, v.path])).toEqual([[404, at(nameKey)]]);
  });

  it.each(['Creating', 'Unavailable', 'Deleting'])('S3 rejects a %s snapshot', (phase) => {
    const found = checkImageSnapshotUse(specified({ [nameKey]: 's' }), snapshots({ s: phase }));
    expect(found.map((v) => v.rule)).toEqual(['S3']);
    expect(found[0]?.message.en).toContain(phase);
    expect(found[0]?.status).toBeUndefined();
  });

  it('S3 skips the snapshot lookup without a context', () => {
    expect(checkImageSnapshotUse(specified({ [nameKey]: 'anything' }), {})).toEqual([]);
  });

  it.each([['yes'], [true]])('S3 rejects auto-match %j', (value) => {
    const found = checkImageSnapshotUse(specified({ [autoKey]: value }), {});
    expect(found.map((v) => v.path)).toEqual([at(autoKey)]);
  });
});
