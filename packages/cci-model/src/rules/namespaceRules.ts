/**
 * Namespace rules N1-N3 (seed ch. 3): the flavor annotation picks the resource type for good,
 * the enterprise project label and the finalizers have CCI defaults.
 */
import {
  annotationPath,
  annotationsOf,
  asArray,
  asRecord,
  labelPath,
  text,
  violation,
  failure,
} from './podTemplates.ts';
import type { RuleContext, RuleViolation } from './types.ts';

export const flavorAnnotation = 'namespace.kubernetes.io/flavor';
export const namespaceFlavors = ['general-computing', 'gpu-accelerated'] as const;
export const enterpriseProjectLabel = 'sys_enterprise_project_id';

const flavorPath = annotationPath('metadata', flavorAnnotation);

/** N1: the flavor annotation is required, one of two values, and fixed at creation. */
export function checkNamespaceFlavor(
  doc: Record<string, unknown>,
  ctx: RuleContext,
): RuleViolation[] {
  const flavor = annotationsOf(asRecord(doc.metadata) ?? {})[flavorAnnotation];
  const addFlavor = {
    title: text('Add flavor general-computing', '添加类型 general-computing'),
    set: [{ path: flavorPath, value: 'general-computing' }],
  };
  if (flavor === undefined) {
    return failure('N1', flavorPath)(
      `a CCI namespace needs annotation ${flavorAnnotation}: general-computing (CPU workloads) or gpu-accelerated (GPU workloads)`,
      `CCI 命名空间必须设置注解 ${flavorAnnotation}：general-computing（通用计算型）或 gpu-accelerated（GPU 型）`,
      { fix: addFlavor },
    );
  }
  if (!(namespaceFlavors as readonly unknown[]).includes(flavor)) {
    return failure('N1', flavorPath)(
      `${flavorAnnotation} "${String(flavor)}" is not a CCI namespace type; use general-computing or gpu-accelerated`,
      `${flavorAnnotation} 的值“${String(flavor)}”不是 CCI 命名空间类型，请使用 general-computing 或 gpu-accelerated`,
      { fix: addFlavor },
    );
  }
  const oldFlavor = annotationsOf(asRecord(asRecord(ctx.oldObject)?.metadata) ?? {})[
    flavorAnnotation
  ];
  if (ctx.operation === 'UPDATE' && oldFlavor !== undefined && oldFlavor !== flavor) {
    return failure('N1', flavorPath)(
      `the namespace type is chosen at creation; ${flavorAnnotation} cannot change from ${String(oldFlavor)} to ${String(flavor)}. Create a new namespace instead`,
      `命名空间类型在创建时确定，${flavorAnnotation} 不能从 ${String(oldFlavor)} 改为 ${String(flavor)}，请新建命名空间`,
      {
        fix: {
          title: text('Keep the old type', '保留原类型'),
          set: [{ path: flavorPath, value: oldFlavor }],
        },
      },
    );
  }
  return [];
}

/** N2: the enterprise project label is optional (defaults to "0") but must be a string. */
export function checkEnterpriseProject(doc: Record<string, unknown>): RuleViolation[] {
  const labels = asRecord(asRecord(doc.metadata)?.labels) ?? {};
  const value = labels[enterpriseProjectLabel];
  if (value === undefined || (typeof value === 'string' && value !== '')) return [];
  const path = labelPath('metadata', enterpriseProjectLabel);
  const quoted = typeof value === 'number' ? String(value) : '0';
  return failure('N2', path)(
    `label ${enterpriseProjectLabel} must be a non-empty string (an enterprise project ID, "0" for the default project); quote it, e.g. "${quoted}"`,
    `标签 ${enterpriseProjectLabel} 必须是非空字符串（企业项目 ID，default 项目为 "0"），请加引号，例如 "${quoted}"`,
    {
      fix: { title: text(`Set "${quoted}"`, `设为 "${quoted}"`), set: [{ path, value: quoted }] },
    },
  );
}

/** N3: finalizers, when given, are exactly [kubernetes]. */
export function checkNamespaceFinalizers(doc: Record<string, unknown>): RuleViolation[] {
  const finalizers = asRecord(doc.spec)?.finalizers;
  if (finalizers === undefined || finalizers === null) return [];
  const list = asArray(finalizers);
  if (
    Array.isArray(finalizers) &&
    (list.length === 0 || (list.length === 1 && list[0] === 'kubernetes'))
  ) {
    return [];
  }
  return [
    violation(
      'N3',
      'spec.finalizers',
      'error',
      text(
        `A CCI namespace takes spec.finalizers [kubernetes] only (got ${JSON.stringify(finalizers)}); set it to [kubernetes] or leave it out`,
        `CCI 命名空间的 spec.finalizers 只能为 [kubernetes]（当前为 ${JSON.stringify(finalizers)}），请设为 [kubernetes] 或不填`,
      ),
      {
        fix: {
          title: text('Set finalizers to [kubernetes]', '将 finalizers 设为 [kubernetes]'),
          set: [{ path: 'spec.finalizers', value: ['kubernetes'] }],
        },
      },
    ),
  ];
}

/**
 * A copy of the Namespace with CCI's defaults filled in (N2 label "0", N3 finalizers
 * [kubernetes]); the input is not changed. The flavor (N1) has no default: it is required.
 */
export function namespaceDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  const metadata = asRecord(copy.metadata) ?? {};
  const labels = asRecord(metadata.labels) ?? {};
  if (labels[enterpriseProjectLabel] === undefined) labels[enterpriseProjectLabel] = '0';
  metadata.labels = labels;
  copy.metadata = metadata;
  const spec = asRecord(copy.spec) ?? {};
  const finalizers = spec.finalizers;
  const absent = finalizers === undefined || finalizers === null;
  if (absent || (Array.isArray(finalizers) && finalizers.length === 0)) {
    spec.finalizers = ['kubernetes'];
  }
  copy.spec = spec;
  return copy;
}

export const namespaceRules = [
  checkNamespaceFlavor,
  checkEnterpriseProject,
  checkNamespaceFinalizers,
];
export const namespaceRuleIds = ['N1', 'N2', 'N3'];
