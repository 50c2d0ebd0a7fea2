import { describe, expect, it } from 'vitest';
import { storageRules } from './storageRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

function pvc(spec: Doc, annotations?: Doc): Doc {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'pvc-test', ...(annotations ? { annotations } : {}) },
    spec: {
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '100Gi' } },
      storageClassName: 'sas',
      ...spec,
    },
  };
}
const validate = (doc: Doc): RuleViolation[] => storageRules.flatMap((rule) => rule(doc, {}));
const summary = (doc: Doc) => validate(doc).map((v) => `${v.rule} ${v.severity} ${v.path}`);
const KEY_ID = 'paas.storage.io/cryptKeyId';
const ALIAS = 'paas.storage.io/cryptAlias';
const DOMAIN = 'paas.storage.io/cryptDomainId';

describe('storageRules', () => {
  it.each(['sas', 'ssd', 'nfs-rw', 'csi-sfs'])(
    'PV1 accepts storage class %s',
    (storageClassName) => {
      expect(validate(pvc({ storageClassName }))).toEqual([]);
    },
  );

  it.each([
    ['sfs', 'nfs-rw'],
    ['obs', 'SDK'],
    ['sata', 'previous-generation'],
    ['efs-standard', 'SFS Turbo'],
    ['gold', 'sas, ssd, nfs-rw, csi-sfs'],
  ])('PV1 refuses storage class %s and explains (%s)', (storageClassName, hint) => {
    const [violation] = validate(pvc({ storageClassName }));
    expect(violation?.rule).toBe('PV1');
    expect(violation?.severity).toBe('error');
    expect(violation?.message.en).toContain(hint);
  });

  it('PV1 warns when no storage class is named', () => {
    expect(summary(pvc({ storageClassName: undefined }))).toEqual([
      'PV1 warning spec.storageClassName',
    ]);
  });

  it('PV1 checks access modes', () => {
    expect(
      summary(pvc({ accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] })),
    ).toEqual([]);
    expect(summary(pvc({ accessModes: [] }))).toEqual(['PV1 error spec.accessModes']);
    expect(summary(pvc({ accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'] }))).toEqual([
      'PV1 error spec.accessModes[1]',
    ]);
  });

  it.each([
    [undefined, 'is required'],
    ['0Gi', 'positive'],
    ['100GB', 'positive'],
    ['lots', 'positive'],
  ])('PV1 wants a positive storage request (%s)', (storage, text) => {
    const doc = pvc({ resources: { requests: storage === undefined ? {} : { storage } } });
    const found = validate(doc);
    expect(found.map((v) => v.path)).toEqual(['spec.resources.requests.storage']);
    expect(found[0]?.message.en).toContain(text);
  });

  it('PV1 accepts an encrypted EVS disk with cryptKeyId only', () => {
    expect(validate(pvc({}, { [KEY_ID]: 'ee9b610c-e356-11e9-aadc-d0efc1b3bb6b' }))).toEqual([]);
  });

  it('PV1 refuses SFS-only encryption annotations on an EVS disk and offers to remove them', () => {
    const found = validate(
      pvc({ storageClassName: 'ssd' }, { [KEY_ID]: 'k', [ALIAS]: 'sfs/default' }),
    );
    expect(found.map((v) => v.path)).toEqual([`metadata.annotations["${ALIAS}"]`]);
    expect(found[0]?.fix?.remove).toEqual([`metadata.annotations["${ALIAS}"]`]);
  });

  it('PV1 wants all three encryption annotations on encrypted SFS storage', () => {
    const complete = { [KEY_ID]: 'k', [ALIAS]: 'sfs/default', [DOMAIN]: 'd' };
    expect(validate(pvc({ storageClassName: 'nfs-rw' }, complete))).toEqual([]);
    expect(summary(pvc({ storageClassName: 'csi-sfs' }, { [KEY_ID]: 'k' }))).toEqual([
      `PV1 error metadata.annotations["${ALIAS}"]`,
      `PV1 error metadata.annotations["${DOMAIN}"]`,
    ]);
  });

  it('PV1 flags an encryption annotation that is not a string', () => {
    const found = validate(pvc({}, { [KEY_ID]: { nested: 'mapping' } }));
    expect(found.map((v) => v.path)).toEqual([`metadata.annotations["${KEY_ID}"]`]);
    expect(found[0]?.message.en).toContain('commas');
  });
});
