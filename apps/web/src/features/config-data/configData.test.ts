import { describe, expect, it } from 'vitest';
import { toYaml } from '../resources/yaml.ts';
import type { KubeObject } from '../resources/objects.ts';
import { dataEntries, decodeSecretValue, MASK, maskedForDisplay } from './configData.ts';

const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'db-credentials',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': `{"data":{"password":"${b64('redis-demo-password')}"}}`,
      note: 'kept',
    },
  },
  type: 'Opaque',
  data: { password: b64('redis-demo-password'), username: b64('demo') },
  stringData: { token: 'plain-token' },
};

describe('Secret values', () => {
  it('are decoded from base64 as UTF-8 text, binary otherwise', () => {
    expect(decodeSecretValue(b64('pässwort\n'))).toEqual({
      text: 'pässwort\n',
      binary: false,
      bytes: 10,
    });
    expect(decodeSecretValue(btoa('\u00ff\u00fe'))).toMatchObject({ binary: true, bytes: 2 });
    expect(decodeSecretValue('not base64!')).toMatchObject({ binary: true });
  });

  it('list data and stringData, sorted, all marked secret', () => {
    expect(dataEntries(secret).map((e) => [e.key, e.text, e.secret])).toEqual([
      ['password', 'redis-demo-password', true],
      ['token', 'plain-token', true],
      ['username', 'demo', true],
    ]);
  });

  it('are masked in the YAML and JSON of a Secret until revealed, last-applied included', () => {
    const masked = maskedForDisplay(secret, false);
    const yaml = toYaml(masked);
    const json = JSON.stringify(masked);
    for (const text of [yaml, json]) {
      expect(text).not.toContain(b64('redis-demo-password'));
      expect(text).not.toContain(b64('demo'));
      expect(text).not.toContain('plain-token');
      expect(text).toContain('kept');
    }
    expect(masked['data']).toEqual({ password: MASK, username: MASK });
    // The object itself is untouched (it is the query cache's).
    expect(secret['data']).toEqual({ password: b64('redis-demo-password'), username: b64('demo') });
    expect(maskedForDisplay(secret, true)).toBe(secret);
  });

  it('leave other kinds unchanged', () => {
    const configMap: KubeObject = { kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(maskedForDisplay(configMap, false)).toBe(configMap);
  });
});

describe('ConfigMap data', () => {
  it('keeps multi-line values as text with their line count; binaryData is binary', () => {
    const conf = '[OUTPUT]\n    Name kafka\n    Topics fluent-bit\n';
    const entries = dataEntries({
      kind: 'ConfigMap',
      metadata: { name: 'logging' },
      data: { 'output.conf': conf, MODE: 'demo' },
      binaryData: { blob: btoa('\u0001\u0002\u0003') },
    });
    expect(entries.map((e) => [e.key, e.lines, e.binary, e.secret])).toEqual([
      ['blob', 1, true, false],
      ['MODE', 1, false, false],
      ['output.conf', 3, false, false],
    ]);
    expect(entries.find((e) => e.key === 'output.conf')?.text).toBe(conf);
    expect(entries.find((e) => e.key === 'blob')?.bytes).toBe(3);
  });
});
