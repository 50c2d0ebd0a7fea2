/**
 * The rules of every resource kind other than Namespace, Network and pods (pod rules, also
 * inside Job and CronJob templates, live in podTemplates.ts), keyed by Kind.
 */
import { configMapRules, secretRules } from './configRules.ts';
import { eipPoolSpecRules } from './eipPoolRules.ts';
import { eipPoolUpdateRule } from './eipPoolUpdateRules.ts';
import { imageSnapshotRules } from './imageSnapshotRules.ts';
import { ingressRules } from './ingressRules.ts';
import { cronJobRules, jobRules } from './jobRules.ts';
import { logConfigRules } from './logConfigRules.ts';
import { serviceRules } from './serviceRules.ts';
import { storageRules } from './storageRules.ts';
import type { Rule } from './types.ts';

/** One CCI rule over one document; pure, and skips what needs a lookup `ctx` lacks. */
export type { Rule } from './types.ts';

export const resourceRuleTable: Record<string /* Kind */, Rule[]> = {
  Service: serviceRules,
  Ingress: ingressRules,
  PersistentVolumeClaim: storageRules,
  Secret: secretRules,
  ConfigMap: [...configMapRules, ...logConfigRules],
  Job: jobRules,
  CronJob: cronJobRules,
  EIPPool: [...eipPoolSpecRules, eipPoolUpdateRule],
  ImageSnapshot: imageSnapshotRules,
};

/** Every rule ID the table above checks (some only as warnings or info). */
export const resourceRuleIds: string[] = [
  ...['SV1', 'SV2', 'IG1', 'IG2', 'PV1', 'C1', 'C2', 'LG1', 'LG3'],
  ...['J1', 'J3', 'E1', 'E2', 'E3', 'E5', 'S1', 'S5', 'S6'],
];
