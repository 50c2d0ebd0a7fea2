import { describe, expect, it } from 'vitest';
import { configMapRules, isBase64, secretRules } from './configRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const configMap = (body: Doc): Doc => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c' },
  ...body,
});
const secret = (body: Doc): Doc => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's' },
  type: 'Opaque',
  ...body,
});
const run = (rules: typeof configMapRules, doc: Doc): RuleViolation[] =>
  rules.flatMap((rule) => rule(doc, {}));
const summary = (rules: typeof configMapRules, doc: Doc) =>
  run(rules, doc).map((v) => `${v.rule} ${v.severity} ${v.path}`);

describe('isBase64', () => {
  it.each([
    ['MzMwNg==', true],
    ['ZmFrZSBrYWZrYSBDQSBjZXJ0aWZpY2F0ZQo=', true],
    ['', true],
    ['Zm9v\nYmFy', true],
    ['3306', true],
    ['MzMwNg', false],
    ['Hello World', false],
    ['MzMw=g==', false],
  ])('C2 reads %j as base64: %s', (text, expected) => {
    expect(isBase64(text)).toBe(expected);
  });
});

describe('configMapRules', () => {
  it('C1 accepts string values and base64 binaryData', () => {
    expect(
      run(
        configMapRules,
        configMap({
          data: { property_1: 'Hello', 'app.conf': 'x=1' },
          binaryData: { 'b.bin': 'AAE=' },
        }),
      ),
    ).toEqual([]);
  });

  it('C1 asks to quote numbers and booleans and offers the quoted value', () => {
    const found = run(configMapRules, configMap({ data: { port: 8080, debug: true } }));
    expect(found.map((v) => v.path)).toEqual(['data.port', 'data.debug']);
    expect(found[0]?.fix?.set).toEqual([{ path: 'data.port', value: '8080' }]);
    expect(found[1]?.message.en).toContain('"true"');
  });

  it('C1 refuses bad keys, non-base64 binaryData and a key in both sections', () => {
    expect(
      summary(
        configMapRules,
        configMap({ data: { 'a b': 'x', ok: 'y' }, binaryData: { ok: 'not base64!' } }),
      ),
    ).toEqual(['C1 error data["a b"]', 'C1 error binaryData.ok', 'C1 error binaryData.ok']);
  });

  it('C1 refuses data that is not a mapping', () => {
    expect(summary(configMapRules, configMap({ data: ['a', 'b'] }))).toEqual(['C1 error data']);
  });

  it('C1 refuses more than 1 MiB of data', () => {
    const big = 'x'.repeat(1_048_576);
    expect(summary(configMapRules, configMap({ data: { big } }))).toEqual(['C1 error data']);
    expect(summary(configMapRules, configMap({ data: { b: big.slice(1) } }))).toEqual([]);
  });
});

describe('secretRules', () => {
  it('C2 accepts base64 data and plain stringData', () => {
    expect(
      run(
        secretRules,
        secret({ data: { key1: 'MzMwNg==' }, stringData: { password: 'plain text' } }),
      ),
    ).toEqual([]);
  });

  it('C2 refuses a value that is not base64 and offers to move it to stringData', () => {
    const found = run(secretRules, secret({ data: { 'db.password': 'hunter 2' } }));
    expect(found.map((v) => `${v.rule} ${v.path}`)).toEqual(['C2 data["db.password"]']);
    expect(found[0]?.fix).toMatchObject({
      set: [{ path: 'stringData["db.password"]', value: 'hunter 2' }],
      remove: ['data["db.password"]'],
    });
    expect(found[0]?.message['zh-CN']).toContain('Base64');
  });

  it('C2 wants stringData values to be strings and warns when a key is also in data', () => {
    expect(
      summary(secretRules, secret({ data: { a: 'YQ==' }, stringData: { a: 'b', n: 3 } })),
    ).toEqual(['C2 warning stringData.a', 'C2 error stringData.n']);
  });

  it('C2 refuses a number where base64 text is expected', () => {
    expect(summary(secretRules, secret({ data: { port: 3306 } }))).toEqual(['C2 error data.port']);
  });
});
