/**
 * The CCI rule validators behind one call: `validateDocument` picks the rules of the
 * document's kind (pod rules for Pods and every workload with a pod template, namespace and
 * network rules here, the other resources' rules from workloadRules.ts) and runs them all.
 */
import { eipAnnotationRuleIds, eipAnnotationRules } from './eipAnnotationRules.ts';
import { eipBindingRuleIds, eipBindingRules } from './eipBindingRules.ts';
import { checkGpuResources } from './gpuRules.ts';
import { checkLogCoverage } from './logCoverageRules.ts';
import { logPathRuleIds, logPathRules } from './logPathRules.ts';
import { metricsRuleIds, metricsRules } from './metricsRules.ts';
import { namespaceRuleIds, namespaceRules } from './namespaceRules.ts';
import { networkRuleIds, networkRules } from './networkRules.ts';
import {
  checkHttpGetProbeTimeout,
  checkImagePullSecrets,
  checkLimitsEqualRequests,
  checkRelativeSubPath,
  reportEffectiveResources,
} from './podRules.ts';
import { podBearingKinds } from './podTemplates.ts';
import { checkSelectorMatchesTemplate } from './selectorRules.ts';
import { snapshotUseRuleIds, snapshotUseRules } from './snapshotUseRules.ts';
import type { RuleContext, RuleViolation } from './types.ts';
import { resourceRuleIds, resourceRuleTable, type Rule } from './workloadRules.ts';

export type * from './types.ts';
export { podSpecsOf, containersOf, type PodSpecView, type ContainerView } from './podTemplates.ts';
export { parseQuantity, formatQuantity, quantitiesEqual } from './quantity.ts';
export { canonicalQuantity } from './canonicalQuantity.ts';
export { effectivePodResources } from './podRules.ts';
export { namespaceDefaults } from './namespaceRules.ts';
export { parseIpv4Cidr, cidrsOverlap } from './networkRules.ts';
export {
  eipPoolCapacity,
  eipPoolOfDeployment,
  surgeOf,
  EIP_POOL_ANNOTATION,
  type EipPoolCapacity,
  type DeploymentEipDemand,
} from './eipPoolCapacity.ts';
export { EIP_NETWORK_TYPES, EIP_POOL_MAX_AMOUNT, EIP_POOL_NAME_MAX_BYTES } from './eipPoolRules.ts';
export { SNAPSHOT_VOLUME_TYPES, SNAPSHOT_VOLUME_SIZE_GIB } from './imageSnapshotRules.ts';
export {
  eipAnnotations,
  eipBandwidthSizeRange,
  eipChargeModes,
  eipNetworkTypes,
} from './eipAnnotationRules.ts';
export { snapshotAutoMatchAnnotation, snapshotNameAnnotation } from './snapshotUseRules.ts';
export { imagePullSecretName } from './podRules.ts';
export { namespaceFlavors, flavorAnnotation } from './namespaceRules.ts';
export {
  enableMetricsAnnotation,
  metricsPortAnnotation,
  tlsReferenceAnnotations,
} from './metricsRules.ts';

export type { Rule };

/** Rules run on every pod spec: a Pod's own, or a workload's pod template. */
const podSpecRules: Rule[] = [
  checkLimitsEqualRequests,
  checkImagePullSecrets,
  checkGpuResources,
  reportEffectiveResources,
  checkHttpGetProbeTimeout,
  checkRelativeSubPath,
  ...metricsRules,
  ...logPathRules,
  checkLogCoverage,
  ...eipAnnotationRules,
  ...eipBindingRules,
  ...snapshotUseRules,
];

/** The namespace, network and pod rules by kind (the pod-rules half of the rule set). */
export const podRuleTable: Record<string, Rule[]> = {
  Namespace: namespaceRules,
  Network: networkRules,
  ...Object.fromEntries(podBearingKinds.map((kind) => [kind, podSpecRules])),
  Deployment: [checkSelectorMatchesTemplate, ...podSpecRules],
  ReplicaSet: [checkSelectorMatchesTemplate, ...podSpecRules],
};

const podRuleIds = [
  'D1',
  'LG4',
  ...namespaceRuleIds,
  ...networkRuleIds,
  ...['P1', 'P2', 'P3', 'P8', 'P10', 'PV2'],
  ...metricsRuleIds,
  ...logPathRuleIds,
  ...eipAnnotationRuleIds,
  ...eipBindingRuleIds,
  ...snapshotUseRuleIds,
];

/** Every rule ID that has a validator, in either half of the rule set. */
export const ruleIds: string[] = [...new Set([...podRuleIds, ...resourceRuleIds])];

/**
 * All violations of the CCI rules in one parsed document. Dispatch is by `kind` alone: a wrong
 * apiVersion is the schema's (and the Ingress rules') business, not a reason to skip the rules.
 */
export function validateDocument(
  doc: Record<string, unknown>,
  ctx: RuleContext = {},
): RuleViolation[] {
  const kind = doc.kind;
  if (typeof kind !== 'string') return [];
  const rules = [...(podRuleTable[kind] ?? []), ...(resourceRuleTable[kind] ?? [])];
  return rules.flatMap((rule) => rule(doc, ctx));
}
export { nextRun, parseCron } from './cron.ts';
export { gpuCounts, gpuDriverAnnotation, gpuDrivers, gpuResourceNames } from './gpuRules.ts';
