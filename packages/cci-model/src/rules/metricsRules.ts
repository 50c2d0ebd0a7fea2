/**
 * Pod metrics rules M1, M2, M4 (seed ch. 10): the exporter's switch and port, its TLS files read
 * from sandbox volumes, and the memory its agent takes from the pod.
 */
import { effectivePodResources } from './podRules.ts';
import {
  annotationPath,
  annotationsOf,
  asArray,
  asRecord,
  perPodSpec,
  reporter,
  text,
  violation,
  type PodSpecView,
} from './podTemplates.ts';
import { formatQuantity } from './quantity.ts';
import type { RuleViolation } from './types.ts';

export const enableMetricsAnnotation = 'monitoring.cci.io/enable-pod-metrics';
export const metricsPortAnnotation = 'monitoring.cci.io/metrics-port';
export const sandboxVolumesAnnotation = 'sandbox-volume.openvessel.io/volume-names';
export const tlsReferenceAnnotations = {
  cert: 'monitoring.cci.io/metrics-tls-cert-reference',
  key: 'monitoring.cci.io/metrics-tls-key-reference',
  ca: 'monitoring.cci.io/metrics-tls-ca-reference',
} as const;

/** Below this pod memory the ~30 MB agent is a noticeable share (M4). */
export const smallPodMemoryBytes = 256 * 2 ** 20;

/** Names listed in the sandbox volume annotation (comma separated, spaces tolerated). */
export function sandboxVolumeNames(annotations: Record<string, unknown>): string[] {
  const listed = annotations[sandboxVolumesAnnotation];
  if (typeof listed !== 'string') return [];
  return listed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function volumeNames(pod: PodSpecView): string[] {
  return asArray(pod.spec.volumes)
    .map((entry) => asRecord(entry)?.name)
    .filter((name): name is string => typeof name === 'string');
}

/** Metrics are on unless the annotation says false (any case). */
export function metricsEnabled(annotations: Record<string, unknown>): boolean {
  const value = annotations[enableMetricsAnnotation];
  return typeof value !== 'string' || value.toLowerCase() !== 'false';
}

/** M1: the switch is true/false (any case), the port an integer 1-65535, both as strings. */
export const checkMetricsAnnotations = perPodSpec((pod) => {
  const annotations = annotationsOf(pod.metadata);
  const found: RuleViolation[] = [];
  const enabled = annotations[enableMetricsAnnotation];
  if (enabled !== undefined && !(typeof enabled === 'string' && /^(true|false)$/i.test(enabled))) {
    const path = annotationPath(pod.metadataPath, enableMetricsAnnotation);
    found.push(
      violation(
        'M1',
        path,
        'error',
        text(
          `${enableMetricsAnnotation} must be the string "true" or "false" (any case), not ${JSON.stringify(enabled)}`,
          `${enableMetricsAnnotation} 必须是字符串 "true" 或 "false"（不区分大小写），当前为 ${JSON.stringify(enabled)}`,
        ),
        typeof enabled === 'boolean'
          ? {
              fix: {
                title: text('Quote the value', '给值加引号'),
                set: [{ path, value: String(enabled) }],
              },
            }
          : {},
      ),
    );
  }
  const port = annotations[metricsPortAnnotation];
  if (port === undefined) return found;
  const path = annotationPath(pod.metadataPath, metricsPortAnnotation);
  const valid =
    typeof port === 'string' &&
    /^\d{1,5}$/.test(port) &&
    Number(port) >= 1 &&
    Number(port) <= 65535;
  if (!valid) {
    const quotable =
      typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
    found.push(
      violation(
        'M1',
        path,
        'error',
        text(
          quotable
            ? `Annotation values are strings; write ${metricsPortAnnotation}: "${port}"`
            : `${metricsPortAnnotation} must be a port number 1-65535 (default 19100), not ${JSON.stringify(port)}`,
          quotable
            ? `注解的值必须是字符串，请写成 ${metricsPortAnnotation}: "${port}"`
            : `${metricsPortAnnotation} 必须是 1~65535 之间的端口号（默认 19100），当前为 ${JSON.stringify(port)}`,
        ),
        quotable
          ? {
              fix: {
                title: text('Quote the port', '给端口加引号'),
                set: [{ path, value: String(port) }],
              },
            }
          : {},
      ),
    );
  }
  return found;
});

/** M2: each TLS reference is `<volume>/<key-or-path>` of a pod volume listed as a sandbox volume. */
export const checkMetricsTlsReferences = perPodSpec((pod) => {
  const annotations = annotationsOf(pod.metadata);
  const volumes = volumeNames(pod);
  const sandbox = sandboxVolumeNames(annotations);
  const found: RuleViolation[] = [];
  for (const key of Object.values(tlsReferenceAnnotations)) {
    const reference = annotations[key];
    if (reference === undefined) continue;
    const path = annotationPath(pod.metadataPath, key);
    const failM2 = reporter(found, 'M2', path);
    const match = typeof reference === 'string' ? /^([^/]+)\/(.+)$/.exec(reference) : null;
    const volume = match?.[1];
    if (volume === undefined) {
      failM2(
        `${key} must be <volume-name>/<key-or-path>, e.g. cert/server.crt, not ${JSON.stringify(reference)}`,
        `${key} 的格式必须为 <卷名>/<键或路径>，例如 cert/server.crt，当前为 ${JSON.stringify(reference)}`,
      );
    } else if (!volumes.includes(volume)) {
      failM2(
        `${key} refers to volume "${volume}", which the pod does not define; add it to spec.volumes (e.g. a Secret volume with the certificates)`,
        `${key} 引用的卷“${volume}”在 Pod 中不存在，请在 spec.volumes 中添加（例如挂载证书 Secret 的卷）`,
      );
    } else if (!sandbox.includes(volume)) {
      const listPath = annotationPath(pod.metadataPath, sandboxVolumesAnnotation);
      failM2(
        `volume "${volume}" used by ${key} must be listed in annotation ${sandboxVolumesAnnotation}`,
        `${key} 使用的卷“${volume}”必须列在注解 ${sandboxVolumesAnnotation} 中`,
        {
          fix: {
            title: text(`List "${volume}" as a sandbox volume`, `将“${volume}”加入 sandbox 卷列表`),
            set: [{ path: listPath, value: [...sandbox, volume].join(',') }],
          },
        },
      );
    }
  }
  const hasCert = annotations[tlsReferenceAnnotations.cert] !== undefined;
  const hasKey = annotations[tlsReferenceAnnotations.key] !== undefined;
  if (hasCert !== hasKey) {
    const missing = hasCert ? tlsReferenceAnnotations.key : tlsReferenceAnnotations.cert;
    found.push(
      violation(
        'M2',
        annotationPath(pod.metadataPath, missing),
        'error',
        text(
          `The metrics exporter needs both a TLS certificate and its key; ${missing} is missing (without both it serves plain HTTP)`,
          `监控 exporter 的 TLS 证书与私钥需同时配置，缺少 ${missing}（两者都不配置时使用 HTTP）`,
        ),
      ),
    );
  }
  return found;
});

/** M4: the metrics agent takes about 30 MB of the pod's memory. */
export const checkMetricsAgentMemory = perPodSpec((pod) => {
  const annotations = annotationsOf(pod.metadata);
  if (!metricsEnabled(annotations)) return [];
  const memory = effectivePodResources(pod.spec).requests.memory;
  if (memory === undefined || memory >= smallPodMemoryBytes) return [];
  const shown = formatQuantity('memory', memory);
  return [
    violation(
      'M4',
      annotationPath(pod.metadataPath, enableMetricsAnnotation),
      'warning',
      text(
        `Pod metrics are on (the default) and the built-in agent needs about 30 MB of the pod's ${shown} memory; give the pod more memory or set ${enableMetricsAnnotation}: "false"`,
        `Pod 监控指标已开启（默认开启），内置 agent 约占用 30 MB 内存，而 Pod 内存仅 ${shown}；请增加内存，或设置 ${enableMetricsAnnotation}: "false"`,
      ),
      {
        fix: {
          title: text('Turn pod metrics off', '关闭 Pod 监控指标'),
          set: [
            { path: annotationPath(pod.metadataPath, enableMetricsAnnotation), value: 'false' },
          ],
        },
      },
    ),
  ];
});

export const metricsRules = [
  checkMetricsAnnotations,
  checkMetricsTlsReferences,
  checkMetricsAgentMemory,
];
export const metricsRuleIds = ['M1', 'M2', 'M4'];
