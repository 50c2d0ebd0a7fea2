import { metricsCatalog } from '../features/metrics/metrics.i18n.ts';
import { actionsCatalog } from '../features/actions/actions.i18n.ts';
import { detailsCatalog } from '../features/details/details.i18n.ts';
import { errorsCatalog } from '../features/errors/errors.i18n.ts';
import { sessionCatalog } from '../features/session/session.i18n.ts';
import { namespaceWizardCatalog } from '../features/wizards/namespaceWizard.i18n.ts';
import { eipPoolsCatalog } from '../features/wizards/eipPools.i18n.ts';
import { snapshotsCatalog } from '../features/wizards/snapshots.i18n.ts';
import { workloadsCatalog } from '../features/wizards/workloads.i18n.ts';
import { workflowCatalog } from '../features/editor/workflow/workflow.i18n.ts';
import { editorCatalog } from '../features/editor/editor.i18n.ts';
import { en } from './en.ts';
import type { FeatureCatalog } from './featureCatalog.ts';
import { zhCN } from './zhCN.ts';

/**
 * Every feature catalog, merged over the core catalogs (en.ts, zhCN.ts). Add one import and one
 * entry per feature area; a namespace may appear only once.
 */
const features: FeatureCatalog[] = [
  metricsCatalog,
  actionsCatalog,
  detailsCatalog,
  errorsCatalog,
  sessionCatalog,
  namespaceWizardCatalog,
  eipPoolsCatalog,
  snapshotsCatalog,
  workloadsCatalog,
  workflowCatalog,
  editorCatalog,
];

function merge(core: Record<string, unknown>, side: 'en' | 'zhCN'): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...core };
  for (const feature of features) {
    for (const [namespace, strings] of Object.entries(feature[side])) {
      if (namespace in merged) throw new Error(`i18n namespace "${namespace}" defined twice`);
      merged[namespace] = strings;
    }
  }
  return merged;
}

export const catalogs = { en: merge(en, 'en'), 'zh-CN': merge(zhCN, 'zhCN') };
