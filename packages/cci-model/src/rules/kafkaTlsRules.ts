/** LG3: TLS towards Kafka in output.conf, with certificate files read from a sandbox volume. */
import { outputConfViolation as atLine } from './fluentBitOutputConf.ts';
import type { OutputConfEntry } from './fluentBitOutputConf.ts';
import { show } from './resourceRuleHelpers.ts';
import type { RuleViolation } from './types.ts';

const TLS_LOCATION = /^\$\{sandbox_volume_([a-z0-9]([-a-z0-9]*[a-z0-9])?)\}\/(?!.*\.\.)\S+$/;
const PROTOCOL = 'rdkafka.security.protocol';
const VERIFY = 'rdkafka.enable.ssl.certificate.verification';
const LOCATIONS = [
  'rdkafka.ssl.certificate.location',
  'rdkafka.ssl.key.location',
  'rdkafka.ssl.ca.location',
];

/** The LG3 violations among the entries of the [OUTPUT] section (none without TLS keys). */
export function kafkaTlsViolations(entries: OutputConfEntry[]): RuleViolation[] {
  const tls = entries.filter(
    (e) => e.key.startsWith('rdkafka.ssl.') || e.key === PROTOCOL || e.key === VERIFY,
  );
  if (tls.length === 0) return [];
  const out: RuleViolation[] = [];
  const find = (key: string) => tls.find((e) => e.key === key);
  const protocol = find(PROTOCOL);
  const firstLine = tls[0]?.line ?? 1;
  if (!protocol)
    out.push(
      atLine(
        'LG3',
        firstLine,
        'error',
        `SSL keys need "${PROTOCOL} ssl"`,
        `配置 SSL 参数时需要 "${PROTOCOL} ssl"`,
      ),
    );
  else if (protocol.value !== 'ssl')
    out.push(
      atLine(
        'LG3',
        protocol.line,
        'error',
        `${PROTOCOL} must be ssl (got ${show(protocol.value)})`,
        `${PROTOCOL} 必须为 ssl（当前为 ${show(protocol.value)}）`,
      ),
    );
  const verify = find(VERIFY);
  if (verify && verify.value !== 'true' && verify.value !== 'false')
    out.push(
      atLine(
        'LG3',
        verify.line,
        'error',
        `${VERIFY} must be true or false (got ${show(verify.value)})`,
        `${VERIFY} 只能是 true 或 false（当前为 ${show(verify.value)}）`,
      ),
    );
  const volumes = new Set<string>();
  for (const key of LOCATIONS) {
    const entry = find(key);
    const needed = key !== 'rdkafka.ssl.ca.location' || verify?.value !== 'false';
    if (!entry) {
      if (needed)
        out.push(
          atLine(
            'LG3',
            firstLine,
            'error',
            `SSL needs ${key} \${sandbox_volume_<VOLUME>}/<file>`,
            `开启 SSL 需要配置 ${key} \${sandbox_volume_<卷名>}/<文件>`,
          ),
        );
      continue;
    }
    const match = TLS_LOCATION.exec(entry.value);
    if (match?.[1]) volumes.add(match[1]);
    else
      out.push(
        atLine(
          'LG3',
          entry.line,
          'error',
          `${key} must be \${sandbox_volume_<VOLUME>}/<file>, the file in a sandbox volume (got ${show(entry.value)})`,
          `${key} 必须是 \${sandbox_volume_<卷名>}/<文件>，即 sandbox volume 中的文件（当前为 ${show(entry.value)}）`,
        ),
      );
  }
  if (volumes.size > 0) {
    const names = [...volumes].join(',');
    out.push(
      atLine(
        'LG3',
        firstLine,
        'info',
        `pods using this ConfigMap must list ${names} in annotation sandbox-volume.openvessel.io/volume-names and mount the Secret with the certificates as that volume`,
        `使用该 ConfigMap 的 Pod 需在注解 sandbox-volume.openvessel.io/volume-names 中列出 ${names}，并以同名卷挂载存放证书的 Secret`,
      ),
    );
  }
  return out;
}
