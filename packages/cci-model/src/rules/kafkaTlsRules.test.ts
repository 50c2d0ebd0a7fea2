import { describe, expect, it } from 'vitest';
import { parseOutputConf } from './fluentBitOutputConf.ts';
import { kafkaTlsViolations } from './kafkaTlsRules.ts';

const BASE = '[OUTPUT]\n    Name kafka\n    Brokers 192.168.1.3:9092\n';
const TLS = [
  '    rdkafka.security.protocol ssl',
  '    rdkafka.ssl.certificate.location ${sandbox_volume_kafkatls}/client.crt',
  '    rdkafka.ssl.key.location ${sandbox_volume_kafkatls}/client.key',
  '    rdkafka.ssl.ca.location ${sandbox_volume_kafkatls}/ca.crt',
  '    rdkafka.enable.ssl.certificate.verification true',
];
const check = (lines: string[]) =>
  kafkaTlsViolations(parseOutputConf(BASE + lines.join('\n')).entries);
const errors = (lines: string[]) =>
  check(lines)
    .filter((v) => v.severity === 'error')
    .map((v) => v.message.en);
const replace = (index: number, line: string) => TLS.map((l, i) => (i === index ? line : l));

describe('kafkaTlsViolations', () => {
  it('LG3 has nothing to say without TLS keys', () => {
    expect(check([])).toEqual([]);
  });

  it('LG3 accepts the seed TLS keys and names the sandbox volume the pods must list', () => {
    const found = check(TLS);
    expect(found.map((v) => `${v.rule} ${v.severity}`)).toEqual(['LG3 info']);
    expect(found[0]?.message.en).toContain(
      'kafkatls in annotation sandbox-volume.openvessel.io/volume-names',
    );
  });

  it.each([
    [
      'protocol not ssl',
      replace(0, '    rdkafka.security.protocol sasl_plaintext'),
      'line 4: rdkafka.security.protocol must be ssl',
    ],
    ['no protocol', TLS.slice(1), 'need "rdkafka.security.protocol ssl"'],
    [
      'certificate outside a sandbox volume',
      replace(1, '    rdkafka.ssl.certificate.location /etc/kafka/client.crt'),
      'line 5: rdkafka.ssl.certificate.location must be',
    ],
    [
      'volume name not a DNS label',
      replace(2, '    rdkafka.ssl.key.location ${sandbox_volume_Kafka_TLS}/client.key'),
      'line 6: rdkafka.ssl.key.location must be',
    ],
    [
      'path escaping the volume',
      replace(3, '    rdkafka.ssl.ca.location ${sandbox_volume_kafkatls}/../ca.crt'),
      'line 7: rdkafka.ssl.ca.location must be',
    ],
    [
      'verification not a boolean',
      replace(4, '    rdkafka.enable.ssl.certificate.verification yes'),
      'must be true or false',
    ],
    [
      'no key location',
      TLS.filter((l) => !l.includes('key.location')),
      'SSL needs rdkafka.ssl.key.location',
    ],
    [
      'no CA while verifying',
      TLS.filter((l) => !l.includes('ca.location')),
      'SSL needs rdkafka.ssl.ca.location',
    ],
  ])('LG3 flags TLS settings: %s', (_case, lines, expected) => {
    expect(errors(lines)).toEqual([expect.stringContaining(expected)]);
  });

  it('LG3 does not need a CA when server certificate verification is off', () => {
    const lines = replace(4, '    rdkafka.enable.ssl.certificate.verification false').filter(
      (l) => !l.includes('ca.location'),
    );
    expect(errors(lines)).toEqual([]);
  });
});
