import { describe, expect, it } from 'vitest';
import { parseOutputConf, reindentOutputConf } from './fluentBitOutputConf.ts';
import { logConfigRules } from './logConfigRules.ts';
import type { RuleViolation } from './types.ts';

type Doc = Record<string, unknown>;

const GOOD =
  '[OUTPUT]\n    Name kafka\n    Match *\n    Brokers 192.168.1.3:9092\n    Topics test\n';
function logConfig(outputConf: unknown, labels: Doc = { 'logconf.k8s.io/discovery': 'true' }): Doc {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cci-logging-conf', labels },
    data: outputConf === undefined ? {} : { 'output.conf': outputConf },
  };
}
const validate = (doc: Doc): RuleViolation[] => logConfigRules.flatMap((rule) => rule(doc, {}));
const messages = (doc: Doc, severity = 'error') =>
  validate(doc)
    .filter((v) => v.severity === severity)
    .map((v) => v.message.en);

describe('parseOutputConf', () => {
  it('LG1 reads the keys of the [OUTPUT] section with their lines', () => {
    const { entries, problems } = parseOutputConf(
      '# comment\n[OUTPUT]\n    Name kafka\n\n    Brokers a:1, b:2\n',
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { line: 3, key: 'Name', value: 'kafka' },
      { line: 5, key: 'Brokers', value: 'a:1, b:2' },
    ]);
  });

  it('LG1 re-indents keys to 4 spaces and headers to none', () => {
    const fixed = reindentOutputConf('  [OUTPUT]\n  Name kafka\n\tMatch *\n');
    expect(fixed).toBe('[OUTPUT]\n    Name kafka\n    Match *\n');
    expect(parseOutputConf(fixed).problems).toEqual([]);
  });
});

describe('logConfigRules', () => {
  it('LG1 accepts the seed configuration written with 4-space indents', () => {
    expect(validate(logConfig(GOOD))).toEqual([]);
  });

  it.each([
    ['[OUTPUT]\n  Name kafka\n    Brokers a:9092\n', 'line 2: "Name" is indented 2 spaces'],
    ['[OUTPUT]\n\tName kafka\n    Brokers a:9092\n', 'line 2: "Name" is indented with a tab'],
    [' [OUTPUT]\n    Name kafka\n    Brokers a:9092\n', 'line 1: [OUTPUT] must start the line'],
    [
      '    Name kafka\n[OUTPUT]\n    Brokers a:9092\n',
      'line 1: "Name" stands outside the [OUTPUT] section',
    ],
    [
      '[OUTPUT]\n    Name kafka\n    Brokers a:9092\n[INPUT]\n    Name tail\n',
      'line 4: only an [OUTPUT] section',
    ],
    [
      '[OUTPUT]\n    Name kafka\n    Brokers a:9092\n[OUTPUT]\n',
      'line 4: only one [OUTPUT] section',
    ],
    ['[OUTPUT]\n    Name es\n    Brokers a:9092\n', 'line 2: Name must be kafka'],
    ['[OUTPUT]\n    Brokers a:9092\n', 'line 1: add "    Name kafka"'],
    [
      '[OUTPUT]\n    Name kafka\n    Match app.*\n    Brokers a:9092\n',
      'line 3: Match, when set, must be *',
    ],
    ['[OUTPUT]\n    Name kafka\n', 'line 1: add "    Brokers'],
    ['[OUTPUT]\n    Name kafka\n    Brokers 192.168.1.3\n', 'line 3: Brokers must be host:port'],
    ['[OUTPUT]\n    Name kafka\n    Brokers a:9092,b:99999\n', '(bad: "b:99999")'],
    [
      '[OUTPUT]\n    Name kafka\n    Brokers a:9092\n    Topics bad/topic\n',
      'line 4: Topics must be',
    ],
    ['[OUTPUT]\n    Name kafka\n    Brokers\n', 'line 3: "Brokers" has no value'],
    ['', 'line 1: output.conf has no [OUTPUT] section'],
  ])('LG1 reports %j at the right line', (conf, expected) => {
    expect(messages(logConfig(conf))).toContainEqual(expect.stringContaining(expected));
  });

  it('LG1 offers to re-indent output.conf', () => {
    const [violation] = validate(logConfig('[OUTPUT]\n  Name kafka\n  Brokers a:1\n'));
    expect(violation?.path).toBe('data["output.conf"]');
    expect(violation?.fix?.set).toEqual([
      { path: 'data["output.conf"]', value: '[OUTPUT]\n    Name kafka\n    Brokers a:1\n' },
    ]);
    expect(violation?.message['zh-CN']).toContain('第 2 行');
  });

  it('LG1 accepts several brokers separated by ", " and hostnames', () => {
    const conf =
      '[OUTPUT]\n    Name kafka\n    Brokers 192.168.1.3:9092, kafka-1.internal:9093\n    Topics a,b\n';
    expect(messages(logConfig(conf))).toEqual([]);
  });

  it('LG1 notes that without Topics the logs go to fluent-bit', () => {
    const infos = messages(logConfig('[OUTPUT]\n    Name kafka\n    Brokers a:9092\n'), 'info');
    expect(infos).toEqual([expect.stringContaining('fluent-bit')]);
  });

  it('LG1 wants the discovery label as the string "true"', () => {
    const found = validate(logConfig(GOOD, { 'logconf.k8s.io/discovery': true }));
    expect(found.map((v) => `${v.rule} ${v.severity} ${v.path}`)).toEqual([
      'LG1 error metadata.labels["logconf.k8s.io/discovery"]',
    ]);
    expect(found[0]?.fix?.set).toEqual([
      { path: 'metadata.labels["logconf.k8s.io/discovery"]', value: 'true' },
    ]);
    expect(
      validate(logConfig('junk', { 'logconf.k8s.io/discovery': 'yes' })).map((v) => v.severity),
    ).toEqual(['warning']);
  });

  it('LG1 warns about an output.conf Fluent Bit will not discover, and ignores plain ConfigMaps', () => {
    expect(validate(logConfig(GOOD, {})).map((v) => `${v.rule} ${v.severity}`)).toEqual([
      'LG1 warning',
    ]);
    expect(validate(logConfig('not fluent bit', {}))).toEqual([]);
  });

  it('LG1 needs output.conf in a labelled ConfigMap', () => {
    expect(messages(logConfig(undefined))).toEqual([
      expect.stringContaining('needs the key output.conf'),
    ]);
  });

  it('LG1 keeps the whole ConfigMap under 1 MB', () => {
    const padding = '    # ' + 'x'.repeat(1_048_576) + '\n';
    expect(messages(logConfig(GOOD + padding))).toEqual([expect.stringContaining('under 1 MB')]);
  });
});
