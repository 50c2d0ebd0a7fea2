/**
 * Pod spec rules of seed ch. 4 and 13: equal limits/requests (P1), the image pull secret (P2),
 * the effective pod size (P8), httpGet probe timeouts (P10) and relative subPaths (PV2).
 * The GPU rule (P3) lives in gpuRules.ts. Each runs on Pods and on workload pod templates.
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
  type ContainerView,
  type PodSpecView,
} from './podTemplates.ts';
import { formatQuantity, parseQuantity, quantitiesEqual, quantityText } from './quantity.ts';
import type { RuleViolation } from './types.ts';

export const imagePullSecretName = 'imagepull-secret';
export const probeTimeoutAnnotation = 'cci.io/httpget-probe-timeout-enable';

export function containerLabel(view: ContainerView): { en: string; zh: string } {
  return view.init
    ? { en: `init container "${view.name}"`, zh: `初始化容器“${view.name}”` }
    : { en: `container "${view.name}"`, zh: `容器“${view.name}”` };
}

/** `resources.limits.cpu`, but `resources.limits["nvidia.com/gpu-tesla-t4"]`. */
export function resourcePath(containerPath: string, field: string, resource: string): string {
  const key = /^[a-z]+$/.test(resource) ? resource : `[${JSON.stringify(resource)}]`;
  return joinPath(containerPath, 'resources', field, key);
}

/**
 * P1 compares one resource's limit and request of a container; the GPU rule (P3) reuses it
 * with its own rule ID.
 */
export function compareLimitAndRequest(
  rule: string,
  view: ContainerView,
  resource: string,
): RuleViolation[] {
  const resources = asRecord(view.container.resources) ?? {};
  const limit = asRecord(resources.limits)?.[resource];
  const request = asRecord(resources.requests)?.[resource];
  if (limit === undefined && request === undefined) return [];
  const paths = {
    limits: resourcePath(view.path, 'limits', resource),
    requests: resourcePath(view.path, 'requests', resource),
  };
  const who = containerLabel(view);
  const copyTo = (field: 'limits' | 'requests', value: unknown) => ({
    fix: {
      title: text(
        `Set ${field}.${resource} to ${quantityText(value)}`,
        `将 ${field}.${resource} 设为 ${quantityText(value)}`,
      ),
      set: [{ path: paths[field], value }],
    },
  });
  if (request === undefined || limit === undefined) {
    const [has, lacks, value] =
      request === undefined
        ? (['limits', 'requests', limit] as const)
        : (['requests', 'limits', request] as const);
    return [
      violation(
        rule,
        paths[has],
        'error',
        text(
          `${who.en} sets ${has}.${resource} (${quantityText(value)}) but no ${lacks}.${resource}; CCI requires limits and requests to be equal, set both`,
          `${who.zh}设置了 ${has}.${resource}（${quantityText(value)}）但没有 ${lacks}.${resource}；CCI 要求 limits 与 requests 相等，请同时设置`,
        ),
        copyTo(lacks, value),
      ),
    ];
  }
  const limitValue = parseQuantity(limit);
  const requestValue = parseQuantity(request);
  if (limitValue === undefined || requestValue === undefined) {
    const [field, raw] =
      limitValue === undefined ? (['limits', limit] as const) : (['requests', request] as const);
    return [
      violation(
        rule,
        paths[field],
        'error',
        text(
          `${field}.${resource} of ${who.en} ("${quantityText(raw)}") is not a quantity; write e.g. 500m or 1024Mi`,
          `${who.zh}的 ${field}.${resource}（“${quantityText(raw)}”）不是合法的数量，请写成 500m、1024Mi 这样的形式`,
        ),
      ),
    ];
  }
  if (quantitiesEqual(limitValue, requestValue)) return [];
  return [
    violation(
      rule,
      paths.requests,
      'error',
      text(
        `limits.${resource} (${quantityText(limit)}) must equal requests.${resource} (${quantityText(request)}) for ${who.en} in CCI; set both to the same value`,
        `CCI 要求${who.zh}的 limits.${resource}（${quantityText(limit)}）与 requests.${resource}（${quantityText(request)}）相等，请设为相同的值`,
      ),
      copyTo('requests', limit),
    ),
  ];
}

/** P1: cpu and memory limits equal requests in every container and init container. */
export const checkLimitsEqualRequests = perPodSpec((pod) =>
  containersOf(pod).flatMap((view) =>
    ['cpu', 'memory'].flatMap((resource) => compareLimitAndRequest('P1', view, resource)),
  ),
);

/** P2: imagePullSecrets may be left out; when given it is exactly [{name: imagepull-secret}]. */
export const checkImagePullSecrets = perPodSpec((pod) => {
  const secrets = asArray(pod.spec.imagePullSecrets);
  const path = joinPath(pod.specPath, 'imagePullSecrets');
  const fix = {
    title: text(`Use ${imagePullSecretName}`, `改用 ${imagePullSecretName}`),
    set: [{ path, value: [{ name: imagePullSecretName }] }],
  };
  const found: RuleViolation[] = [];
  secrets.forEach((entry, index) => {
    const name = asRecord(entry)?.name;
    if (name === imagePullSecretName && index === 0) return;
    const duplicate = name === imagePullSecretName;
    found.push(
      violation(
        'P2',
        joinPath(path, `[${index}]`, 'name'),
        'error',
        duplicate
          ? text(
              `${imagePullSecretName} is listed more than once; CCI takes exactly one image pull secret`,
              `${imagePullSecretName} 重复出现；CCI 只接受一个镜像拉取密钥`,
            )
          : text(
              `imagePullSecrets must be ${imagePullSecretName} in CCI, not "${String(name)}"; use {name: ${imagePullSecretName}}`,
              `CCI 中 imagePullSecrets 必须为 ${imagePullSecretName}，而不是“${String(name)}”，请改为 {name: ${imagePullSecretName}}`,
            ),
        { fix },
      ),
    );
  });
  return found;
});

/**
 * P8: per resource, the pod's effective request/limit is the larger of the biggest init
 * container and the sum of the app containers (requests default to limits, as in Kubernetes).
 */
export function effectivePodResources(spec: Record<string, unknown>): {
  requests: Record<string, number>;
  limits: Record<string, number>;
} {
  const pod: PodSpecView = {
    kind: 'Pod',
    metadata: {},
    spec,
    pathPrefix: '',
    metadataPath: 'metadata',
    specPath: 'spec',
  };
  const result = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
  const initMax: Record<'requests' | 'limits', Record<string, number>> = {
    requests: {},
    limits: {},
  };
  for (const view of containersOf(pod)) {
    const resources = asRecord(view.container.resources) ?? {};
    const limits = asRecord(resources.limits) ?? {};
    const requests = { ...limits, ...(asRecord(resources.requests) ?? {}) };
    for (const [field, values] of [
      ['requests', requests],
      ['limits', limits],
    ] as const) {
      for (const [resource, raw] of Object.entries(values)) {
        const value = parseQuantity(raw);
        if (value === undefined) continue;
        const into = view.init ? initMax[field] : result[field];
        into[resource] = view.init
          ? Math.max(into[resource] ?? 0, value)
          : (into[resource] ?? 0) + value;
      }
    }
  }
  for (const field of ['requests', 'limits'] as const) {
    for (const [resource, value] of Object.entries(initMax[field])) {
      result[field][resource] = Math.max(result[field][resource] ?? 0, value);
    }
  }
  return result;
}

/** cpu, then memory, then the rest (GPUs) in the order written. */
function resourceOrder(resource: string): number {
  const rank = ['cpu', 'memory'].indexOf(resource);
  return rank === -1 ? 2 : rank;
}

function describeResources(values: Record<string, number>): string {
  return Object.entries(values)
    .sort(([a], [b]) => resourceOrder(a) - resourceOrder(b))
    .map(([resource, value]) => `${resource} ${formatQuantity(resource, value)}`)
    .join(', ');
}

/** P8: shows the effective pod spec, the size CCI schedules and bills. */
export const reportEffectiveResources = perPodSpec((pod) => {
  const { requests, limits } = effectivePodResources(pod.spec);
  if (Object.keys(requests).length === 0) return [];
  const shown = describeResources(requests);
  const limitsShown = describeResources(limits);
  const tail = limitsShown === shown || limitsShown === '' ? '' : `; limits: ${limitsShown}`;
  return [
    violation(
      'P8',
      pod.specPath,
      'info',
      text(
        `Effective pod resources: ${shown}${tail} (per resource, the larger of the biggest init container and the sum of the app containers)`,
        `Pod 有效规格：${shown}${tail}（按资源取 Init 容器最大值与应用容器之和中的较大者）`,
      ),
    ),
  ];
});

/** P10: timeoutSeconds of an httpGet probe only counts with the pod annotation set to "true". */
export const checkHttpGetProbeTimeout = perPodSpec((pod) => {
  if (annotationsOf(pod.metadata)[probeTimeoutAnnotation] === 'true') return [];
  const enablePath = annotationPath(pod.metadataPath, probeTimeoutAnnotation);
  return containersOf(pod).flatMap((view) =>
    ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probeField) => {
      const probe = asRecord(view.container[probeField]);
      const timeout = probe?.timeoutSeconds;
      if (probe?.httpGet === undefined || timeout === undefined || timeout === 1) return [];
      return [
        violation(
          'P10',
          joinPath(view.path, probeField, 'timeoutSeconds'),
          'warning',
          text(
            `${probeField}.timeoutSeconds (${String(timeout)}) of ${containerLabel(view).en} has no effect on an httpGet probe in CCI (1s is used) unless the pod has annotation ${probeTimeoutAnnotation}: "true"`,
            `${containerLabel(view).zh}的 ${probeField}.timeoutSeconds（${String(timeout)}）对 httpGet 探针不生效（按 1 秒），除非为 Pod 添加注解 ${probeTimeoutAnnotation}: "true"`,
          ),
          {
            fix: {
              title: text(
                `Add ${probeTimeoutAnnotation}: "true"`,
                `添加 ${probeTimeoutAnnotation}: "true"`,
              ),
              set: [{ path: enablePath, value: 'true' }],
            },
          },
        ),
      ];
    }),
  );
});

/** PV2: a volumeMount's subPath is relative to the volume root: no leading '/', no '..'. */
export const checkRelativeSubPath = perPodSpec((pod) =>
  containersOf(pod).flatMap((view) =>
    asArray(view.container.volumeMounts).flatMap((entry, index) => {
      const mount = asRecord(entry) ?? {};
      return (['subPath', 'subPathExpr'] as const).flatMap((field) => {
        const subPath = mount[field];
        if (typeof subPath !== 'string') return [];
        const absolute = subPath.startsWith('/');
        const escapes = subPath.split('/').includes('..');
        if (!absolute && !escapes) return [];
        const path = joinPath(view.path, `volumeMounts[${index}]`, field);
        const relative = subPath.replace(/^\/+/, '');
        const fixable = absolute && !escapes && relative !== '';
        return [
          violation(
            'PV2',
            path,
            'error',
            text(
              `${field} "${subPath}" of ${containerLabel(view).en} must be a relative path inside the volume (no leading "/", no "..")${fixable ? `, e.g. "${relative}"` : ''}`,
              `${containerLabel(view).zh}的 ${field}“${subPath}”必须是存储卷内的相对路径（不能以“/”开头，不能含“..”）${fixable ? `，例如“${relative}”` : ''}`,
            ),
            fixable
              ? {
                  fix: {
                    title: text(`Use "${relative}"`, `改为“${relative}”`),
                    set: [{ path, value: relative }],
                  },
                }
              : {},
          ),
        ];
      });
    }),
  ),
);
