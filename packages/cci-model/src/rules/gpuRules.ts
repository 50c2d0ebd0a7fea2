/**
 * P3 (seed 4.1 "使用 GPU"): GPU pods run only in gpu-accelerated namespaces, name a driver
 * version and ask for 1, 2, 4 or 8 cards of one of three types, limits equal to requests.
 */
import { flavorAnnotation } from './namespaceRules.ts';
import { compareLimitAndRequest, containerLabel, resourcePath } from './podRules.ts';
import {
  annotationPath,
  annotationsOf,
  asRecord,
  containersOf,
  effectiveNamespace,
  perPodSpec,
  text,
  violation,
  type ContainerView,
  failure,
  reporter,
} from './podTemplates.ts';
import { parseQuantity, quantityText } from './quantity.ts';
import type { RuleViolation } from './types.ts';

export const gpuResourceNames = [
  'nvidia.com/gpu-tesla-v100-16GB',
  'nvidia.com/gpu-tesla-v100-32GB',
  'nvidia.com/gpu-tesla-t4',
] as const;
export const gpuCounts = [1, 2, 4, 8] as const;
export const gpuDriverAnnotation = 'cri.cci.io/gpu-driver';
export const gpuDrivers = ['gpu-460.106', 'gpu-418.126'] as const;

function isGpuResource(resource: string): boolean {
  return resource.startsWith('nvidia.com/');
}

/** The GPU resource names a container asks for, in limits or requests. */
function gpuResourcesOf(view: ContainerView): string[] {
  const resources = asRecord(view.container.resources) ?? {};
  const names = new Set([
    ...Object.keys(asRecord(resources.limits) ?? {}),
    ...Object.keys(asRecord(resources.requests) ?? {}),
  ]);
  return [...names].filter(isGpuResource);
}

/** Where a container's GPU count is written: limits when given, else requests. */
function gpuPath(view: ContainerView, resource: string): { field: string; path: string } {
  const resources = asRecord(view.container.resources) ?? {};
  const field = asRecord(resources.limits)?.[resource] !== undefined ? 'limits' : 'requests';
  return { field, path: resourcePath(view.path, field, resource) };
}

function checkContainerGpus(view: ContainerView, resource: string): RuleViolation[] {
  const who = containerLabel(view);
  const { field, path } = gpuPath(view, resource);
  if (!(gpuResourceNames as readonly string[]).includes(resource)) {
    return failure('P3', path)(
      `${who.en} asks for ${resource}, which CCI does not offer; use ${gpuResourceNames.join(', ')}`,
      `${who.zh}申请的 ${resource} 不是 CCI 提供的 GPU 资源，请使用 ${gpuResourceNames.join('、')}`,
    );
  }
  const raw = asRecord(asRecord(view.container.resources)?.[field])?.[resource];
  const count = parseQuantity(raw);
  if (count === undefined || !(gpuCounts as readonly number[]).includes(count)) {
    return failure('P3', path)(
      `${who.en} asks for ${quantityText(raw)} × ${resource}; CCI GPU pods take 1, 2, 4 or 8 cards`,
      `${who.zh}申请了 ${quantityText(raw)} 块 ${resource}；CCI GPU 规格只支持 1、2、4、8 块显卡`,
    );
  }
  return compareLimitAndRequest('P3', view, resource);
}

/** P3: GPU resource names, counts, the driver annotation and the namespace type. */
export const checkGpuResources = perPodSpec((pod, ctx, doc) => {
  const gpuContainers = containersOf(pod)
    .map((view) => ({ view, resources: gpuResourcesOf(view) }))
    .filter((entry) => entry.resources.length > 0);
  const found = gpuContainers.flatMap(({ view, resources }) =>
    resources.flatMap((resource) => checkContainerGpus(view, resource)),
  );
  const driver = annotationsOf(pod.metadata)[gpuDriverAnnotation];
  const driverPath = annotationPath(pod.metadataPath, gpuDriverAnnotation);
  const failP3 = reporter(found, 'P3', driverPath);
  const driverFix = {
    fix: {
      title: text(`Use driver ${gpuDrivers[0]}`, `使用驱动 ${gpuDrivers[0]}`),
      set: [{ path: driverPath, value: gpuDrivers[0] }],
    },
  };
  if (driver !== undefined && !(gpuDrivers as readonly unknown[]).includes(driver)) {
    failP3(
      `${gpuDriverAnnotation} "${String(driver)}" is not a CCI GPU driver; use ${gpuDrivers.join(' or ')}`,
      `${gpuDriverAnnotation} 的值“${String(driver)}”不是 CCI 支持的显卡驱动，请使用 ${gpuDrivers.join(' 或 ')}`,
      driverFix,
    );
  }
  const first = gpuContainers[0];
  if (first === undefined) return found;
  if (driver === undefined) {
    failP3(
      `a pod with GPUs needs annotation ${gpuDriverAnnotation} naming the driver version (${gpuDrivers.join(' or ')})`,
      `使用 GPU 的 Pod 必须设置注解 ${gpuDriverAnnotation} 指定显卡驱动版本（${gpuDrivers.join(' 或 ')}）`,
      driverFix,
    );
  }
  const namespace = effectiveNamespace(doc, ctx);
  const flavor = namespace === undefined ? undefined : ctx.namespaceFlavor?.(namespace);
  if (flavor !== undefined && flavor !== 'gpu-accelerated') {
    found.push(
      violation(
        'P3',
        gpuPath(first.view, first.resources[0] ?? '').path,
        'error',
        text(
          `GPUs are only available in gpu-accelerated namespaces; namespace "${namespace}" is ${flavor} (${flavorAnnotation}). Create the workload in a GPU namespace or remove the GPU resources`,
          `GPU 只能在 GPU 型（gpu-accelerated）命名空间中使用，命名空间“${namespace}”的类型为 ${flavor}（${flavorAnnotation}）。请在 GPU 型命名空间中创建，或去掉 GPU 资源`,
        ),
      ),
    );
  }
  return found;
});
