/**
 * Per-pod EIP annotations (seed ch. 7.3 and 8): an EIP created with the pod (EIP1), which of
 * several EIP sources wins (EIP3), changes after creation (EIP4), reading the EIP (EIP7).
 * Binding an existing EIP or a pool's (EIP2, EIP5, E4 lookups) is in eipBindingRules.ts.
 */
import {
  annotationPath,
  annotationsOf,
  asArray,
  asRecord,
  containersOf,
  joinPath,
  perPodSpec,
  text,
  violation,
  type PodSpecView,
  failure,
} from './podTemplates.ts';
import type { RuleContext, RuleViolation } from './types.ts';

export const eipAnnotations = {
  podWithEip: 'yangtse.io/pod-with-eip',
  bandwidthSize: 'yangtse.io/eip-bandwidth-size',
  networkType: 'yangtse.io/eip-network-type',
  chargeMode: 'yangtse.io/eip-charge-mode',
  bandwidthName: 'yangtse.io/eip-bandwidth-name',
  bandwidthId: 'yangtse.io/eip-bandwidth-id',
  eipId: 'yangtse.io/eip-id',
  eipPool: 'yangtse.io/eip-pool',
  allocated: 'yangtse.io/allocated-ipv4-eip',
} as const;
export const eipNetworkTypes = ['5_telcom', '5_union', '5_bgp', '5_sbgp', '5_ipv6'] as const;
export const eipChargeModes = ['bandwidth', 'traffic'] as const;
export const eipBandwidthSizeRange = { min: 1, max: 200 } as const;

const a = eipAnnotations;
const withEipOptions = [
  a.bandwidthSize,
  a.networkType,
  a.chargeMode,
  a.bandwidthName,
  a.bandwidthId,
];
/** With a shared bandwidth the bandwidth id is all there is to say (seed table 8-2). */
const excludedBySharedBandwidth = [a.bandwidthSize, a.chargeMode, a.bandwidthName];

function present(annotations: Record<string, unknown>, key: string): boolean {
  return annotations[key] !== undefined;
}

function removeFix(path: string, key: string) {
  return { fix: { title: text(`Remove ${key}`, `删除 ${key}`), remove: [path] } };
}

function checkChoice(
  pod: PodSpecView,
  key: string,
  allowed: readonly string[],
  fallback: string,
): RuleViolation[] {
  const value = annotationsOf(pod.metadata)[key];
  if (value === undefined || allowed.includes(value as string)) return [];
  const path = annotationPath(pod.metadataPath, key);
  return failure('EIP1', path)(
    `${key} "${String(value)}" is not allowed; use one of ${allowed.join(', ')} (default ${fallback})`,
    `${key} 的值“${String(value)}”不合法，可选值为 ${allowed.join('、')}（默认 ${fallback}）`,
    {
      fix: {
        title: text(`Use ${fallback}`, `改为 ${fallback}`),
        set: [{ path, value: fallback }],
      },
    },
  );
}

/** EIP1: the annotations of an EIP created with the pod. */
export const checkPodWithEip = perPodSpec((pod) => {
  const annotations = annotationsOf(pod.metadata);
  const switchValue = annotations[a.podWithEip];
  const found: RuleViolation[] = [];
  if (switchValue !== undefined && switchValue !== 'true' && switchValue !== 'false') {
    found.push(
      violation(
        'EIP1',
        annotationPath(pod.metadataPath, a.podWithEip),
        'warning',
        text(
          `${a.podWithEip} is ${JSON.stringify(switchValue)}; only the string "true" creates an EIP with the pod`,
          `${a.podWithEip} 的值为 ${JSON.stringify(switchValue)}，只有字符串 "true" 才会为 Pod 创建 EIP`,
        ),
      ),
    );
  }
  if (switchValue !== 'true') {
    const unused = withEipOptions.find((key) => present(annotations, key));
    if (unused === undefined) return found;
    found.push(
      violation(
        'EIP1',
        annotationPath(pod.metadataPath, unused),
        'warning',
        text(
          `${unused} has no effect without ${a.podWithEip}: "true"`,
          `未设置 ${a.podWithEip}: "true" 时，${unused} 不生效`,
        ),
      ),
    );
    return found;
  }
  if (present(annotations, a.bandwidthId)) {
    for (const key of excludedBySharedBandwidth.filter((k) => present(annotations, k))) {
      const path = annotationPath(pod.metadataPath, key);
      found.push(
        violation(
          'EIP1',
          path,
          'error',
          text(
            `With a shared bandwidth (${a.bandwidthId}) give only the bandwidth id; remove ${key}`,
            `使用共享带宽（${a.bandwidthId}）时只需填写带宽 ID，请删除 ${key}`,
          ),
          removeFix(path, key),
        ),
      );
    }
  }
  const size = annotations[a.bandwidthSize];
  const { min, max } = eipBandwidthSizeRange;
  if (
    size !== undefined &&
    !(typeof size === 'string' && /^\d+$/.test(size) && +size >= min && +size <= max)
  ) {
    found.push(
      violation(
        'EIP1',
        annotationPath(pod.metadataPath, a.bandwidthSize),
        'error',
        text(
          `${a.bandwidthSize} must be a whole number of Mbit/s from ${min} to ${max} written as a string (default "5"), not ${JSON.stringify(size)}`,
          `${a.bandwidthSize} 必须是 ${min}~${max} 之间的整数（单位 Mbit/s，字符串形式，默认 "5"），当前为 ${JSON.stringify(size)}`,
        ),
      ),
    );
  }
  found.push(...checkChoice(pod, a.networkType, eipNetworkTypes, '5_bgp'));
  found.push(...checkChoice(pod, a.chargeMode, eipChargeModes, 'bandwidth'));
  return found;
});

interface EipSource {
  key: string;
  active: boolean;
}

/** EIP3: eip-id wins over pod-with-eip, which wins over eip-pool. */
export const reportEipPriority = perPodSpec((pod) => {
  const annotations = annotationsOf(pod.metadata);
  const sources: EipSource[] = [
    { key: a.eipId, active: present(annotations, a.eipId) },
    { key: a.podWithEip, active: annotations[a.podWithEip] === 'true' },
    { key: a.eipPool, active: present(annotations, a.eipPool) },
  ];
  const [winner, ...losers] = sources.filter((source) => source.active);
  if (winner === undefined || losers.length === 0) return [];
  const ignored = losers.map((source) => source.key).join(', ');
  return [
    violation(
      'EIP3',
      annotationPath(pod.metadataPath, winner.key),
      'info',
      text(
        `A pod binds one EIP; ${winner.key} takes priority (eip-id > pod-with-eip > eip-pool), so ${ignored} ${losers.length > 1 ? 'Are' : 'is'} ignored`,
        `一个 Pod 只绑定一个 EIP；${winner.key} 优先（eip-id > pod-with-eip > eip-pool），${ignored} 不生效`,
      ),
      {
        fix: {
          title: text(`Remove ${ignored}`, `删除 ${ignored}`),
          remove: losers.map((source) => annotationPath(pod.metadataPath, source.key)),
        },
      },
    ),
  ];
});

/**
 * E4/EIP1: `yangtse.io/eip-pool:eippool-demo1` without a space after the colon (seed 7.3) is
 * one YAML string, not a map, so the pod would silently get no EIP.
 */
export const checkEipAnnotationText = perPodSpec((pod) => {
  const raw = pod.metadata.annotations;
  if (typeof raw !== 'string' || !raw.includes('yangtse.io/')) return [];
  const rule = raw.includes(a.eipPool) ? 'E4' : 'EIP1';
  const pair = /^([^:\s]+):(\S.*)$/.exec(raw.trim());
  const path = joinPath(pod.metadataPath, 'annotations');
  return [
    violation(
      rule,
      path,
      'error',
      text(
        `${path} is the text ${JSON.stringify(raw)}, not a map of annotations, so no EIP is bound; put a space after the colon${pair ? ` (${pair[1]}: ${pair[2]})` : ''}`,
        `${path} 是文本 ${JSON.stringify(raw)}，不是注解映射，因此不会绑定 EIP；请在冒号后加空格${pair ? `（${pair[1]}: ${pair[2]}）` : ''}`,
      ),
      pair?.[1] !== undefined && pair[2] !== undefined
        ? {
            fix: {
              title: text('Make it a key: value annotation', '改为 key: value 形式的注解'),
              set: [{ path, value: { [pair[1]]: pair[2] } }],
            },
          }
        : {},
    ),
  ];
});

/** EIP4: on a Pod update, changed EIP annotations do nothing; the pod keeps its EIP. */
export function checkEipAnnotationChanges(
  doc: Record<string, unknown>,
  ctx: RuleContext,
): RuleViolation[] {
  if (doc.kind !== 'Pod' || ctx.operation !== 'UPDATE' || ctx.oldObject === undefined) return [];
  const before = annotationsOf(asRecord(asRecord(ctx.oldObject)?.metadata) ?? {});
  const after = annotationsOf(asRecord(doc.metadata) ?? {});
  const keys = Object.values(a).filter((key) => key !== a.allocated);
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      violation(
        'EIP4',
        annotationPath('metadata', key),
        'warning',
        text(
          `EIP annotations only count when the pod is created; changing ${key} now does nothing. Recreate the pod to change its EIP`,
          `EIP 相关注解仅在创建 Pod 时生效，现在修改 ${key} 不会生效；如需更换 EIP，请重建 Pod`,
        ),
      ),
    );
}

const allocatedFieldPath =
  /^metadata\.annotations\[\s*['"]yangtse\.io\/allocated-ipv4-eip['"]\s*\]$/;

/** EIP7: the EIP is allocated after scheduling, so env cannot carry it; a downwardAPI volume can. */
export const checkAllocatedEipInEnv = perPodSpec((pod) =>
  containersOf(pod).flatMap((view) =>
    asArray(view.container.env).flatMap((entry, index) => {
      const fieldPath = asRecord(asRecord(asRecord(entry)?.valueFrom)?.fieldRef)?.fieldPath;
      if (typeof fieldPath !== 'string' || !allocatedFieldPath.test(fieldPath)) return [];
      return [
        violation(
          'EIP7',
          joinPath(view.path, `env[${index}]`, 'valueFrom.fieldRef.fieldPath'),
          'warning',
          text(
            `Env cannot read ${a.allocated}: the EIP is bound after the pod is scheduled. Mount the annotation with a downwardAPI volume and wait for it in an init container (seed 8.2 template)`,
            `环境变量无法获取 ${a.allocated}：EIP 在 Pod 调度后才绑定。请通过 downwardAPI 卷挂载该注解，并在 init 容器中等待分配完成（参考 8.2 节示例）`,
          ),
        ),
      ];
    }),
  ),
);

export const eipAnnotationRules = [
  checkPodWithEip,
  reportEipPriority,
  checkEipAnnotationText,
  checkEipAnnotationChanges,
  checkAllocatedEipInEnv,
];
export const eipAnnotationRuleIds = ['EIP1', 'EIP3', 'EIP4', 'EIP7', 'E4'];
