/**
 * Log collection rules on the pod side, LG2 and LG5 (seed ch. 11): which files of which
 * container Fluent Bit reads, the ConfigMap holding its output, and the memory it takes.
 * The ConfigMap's own content (LG1) and the Kafka TLS keys (LG3) are checked on the ConfigMap.
 */
import { smallPodMemoryBytes } from './metricsRules.ts';
import { effectivePodResources } from './podRules.ts';
import {
  annotationPath,
  annotationsOf,
  containersOf,
  effectiveNamespace,
  perPodSpec,
  reporter,
  text,
  violation,
  type PodSpecView,
} from './podTemplates.ts';
import { formatQuantity } from './quantity.ts';
import type { LocalizedText, RuleContext, RuleViolation } from './types.ts';

export const logPathAnnotationPrefix = 'logpath.k8s.io/';
export const fluentBitConfigMapAnnotation = 'logconf.k8s.io/fluent-bit-configmap-reference';
export const logDiscoveryLabel = 'logconf.k8s.io/discovery';
export const maxLogFileNameLength = 190;

/** What is wrong with one `;`-separated entry of a logpath annotation, if anything. */
export function logPathProblem(entry: string): LocalizedText | undefined {
  if (!entry.startsWith('/')) {
    return text(
      `"${entry}" is not an absolute path; each path starts with "/" (separate paths with ";" and no spaces)`,
      `“${entry}”不是绝对路径，每个路径都必须以“/”开头（多个路径用“;”分隔，不要加空格）`,
    );
  }
  const slash = entry.lastIndexOf('/');
  const directory = entry.slice(0, slash);
  const fileName = entry.slice(slash + 1);
  if (fileName === '') {
    return text(
      `"${entry}" is a directory; give a full file path or a file name with "*", e.g. ${entry}*.log`,
      `“${entry}”是目录，请填写完整的日志文件路径或带“*”通配符的文件名，例如 ${entry}*.log`,
    );
  }
  if (directory.includes('*')) {
    return text(
      `"${entry}" has "*" in a directory; the wildcard is only allowed in the file name`,
      `“${entry}”的目录部分含“*”，通配符只能用在文件名中`,
    );
  }
  if (fileName.length > maxLogFileNameLength) {
    return text(
      `the file name in "${entry.slice(0, 40)}..." has ${fileName.length} characters; at most ${maxLogFileNameLength} are collected`,
      `“${entry.slice(0, 40)}...”的文件名长 ${fileName.length} 个字符，超过 ${maxLogFileNameLength} 的文件不会被采集`,
    );
  }
  return undefined;
}

function logPathAnnotations(pod: PodSpecView): [string, unknown][] {
  return Object.entries(annotationsOf(pod.metadata)).filter(([key]) =>
    key.startsWith(logPathAnnotationPrefix),
  );
}

function checkLogPaths(pod: PodSpecView): RuleViolation[] {
  const containerNames = containersOf(pod).map((view) => view.name);
  const found: RuleViolation[] = [];
  for (const [key, value] of logPathAnnotations(pod)) {
    const path = annotationPath(pod.metadataPath, key);
    const fail = reporter(found, 'LG2', path);
    const container = key.slice(logPathAnnotationPrefix.length);
    if (!containerNames.includes(container)) {
      fail(
        `${key} names container "${container}", which the pod does not have (containers: ${containerNames.join(', ') || 'none'})`,
        `${key} 指定的容器“${container}”在 Pod 中不存在（现有容器：${containerNames.join('、') || '无'}）`,
      );
    }
    const entries = typeof value === 'string' ? value.split(';').filter((e) => e !== '') : [];
    if (entries.length === 0) {
      fail(
        `${key} must list absolute log file paths separated by ";", e.g. /var/log/*.log`,
        `${key} 必须填写以“;”分隔的日志文件绝对路径，例如 /var/log/*.log`,
      );
    }
    for (const entry of entries) {
      const problem = logPathProblem(entry);
      if (problem === undefined) continue;
      fail(`${key}: ${problem.en}`, `${key}：${problem['zh-CN']}`);
    }
  }
  return found;
}

function checkConfigMapReference(
  pod: PodSpecView,
  ctx: RuleContext,
  doc: Record<string, unknown>,
): RuleViolation[] {
  const name = annotationsOf(pod.metadata)[fluentBitConfigMapAnnotation];
  if (name === undefined) return [];
  const found: RuleViolation[] = [];
  const fail = reporter(
    found,
    'LG2',
    annotationPath(pod.metadataPath, fluentBitConfigMapAnnotation),
  );
  if (typeof name !== 'string' || name === '') {
    fail(
      `${fluentBitConfigMapAnnotation} must name the ConfigMap holding output.conf`,
      `${fluentBitConfigMapAnnotation} 必须填写包含 output.conf 的 ConfigMap 名称`,
    );
    return found;
  }
  const namespace = effectiveNamespace(doc, ctx);
  if (namespace === undefined || ctx.configMap === undefined) return [];
  const configMap = ctx.configMap(namespace, name);
  if (configMap === undefined) {
    fail(
      `configmaps "${name}" not found in namespace "${namespace}"; create the Fluent Bit ConfigMap (label ${logDiscoveryLabel}: "true", key output.conf) first`,
      `命名空间“${namespace}”中不存在 ConfigMap“${name}”，请先创建 Fluent Bit 配置 ConfigMap（标签 ${logDiscoveryLabel}: "true"，键 output.conf）`,
      { status: 404 },
    );
    return found;
  }
  if (configMap.labels?.[logDiscoveryLabel] !== 'true') {
    fail(
      `ConfigMap "${name}" is not a Fluent Bit configuration: it needs label ${logDiscoveryLabel}: "true"`,
      `ConfigMap“${name}”不是 Fluent Bit 配置：需要标签 ${logDiscoveryLabel}: "true"`,
    );
  }
  if (configMap.data?.['output.conf'] === undefined) {
    fail(
      `ConfigMap "${name}" has no key output.conf with the Fluent Bit [OUTPUT] section`,
      `ConfigMap“${name}”中没有包含 Fluent Bit [OUTPUT] 配置的 output.conf 键`,
    );
  }
  return found;
}

/** LG2: logpath annotations and the Fluent Bit ConfigMap reference. */
export const checkLogCollection = perPodSpec((pod, ctx, doc) => [
  ...checkLogPaths(pod),
  ...checkConfigMapReference(pod, ctx, doc),
]);

/** LG5: Fluent Bit takes about 50 MB of the pod's memory; a warning on small pods. */
export const reportFluentBitMemory = perPodSpec((pod) => {
  const first = logPathAnnotations(pod)[0];
  if (first === undefined) return [];
  const memory = effectivePodResources(pod.spec).requests.memory;
  const small = memory !== undefined && memory < smallPodMemoryBytes;
  const of = memory === undefined ? '' : ` of the pod's ${formatQuantity('memory', memory)}`;
  const zhOf = memory === undefined ? '' : `（Pod 内存共 ${formatQuantity('memory', memory)}）`;
  return [
    violation(
      'LG5',
      annotationPath(pod.metadataPath, first[0]),
      small ? 'warning' : 'info',
      text(
        `Log collection runs Fluent Bit inside the pod; reserve about 50 MB${of} for it`,
        `日志采集会在 Pod 内运行 Fluent Bit，请为其预留约 50 MB 内存${zhOf}`,
      ),
    ),
  ];
});

export const logPathRules = [checkLogCollection, reportFluentBitMemory];
export const logPathRuleIds = ['LG2', 'LG5'];
