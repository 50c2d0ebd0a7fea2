import { en } from './en.ts';
import type { FeatureCatalog } from './featureCatalog.ts';
import { zhCN } from './zhCN.ts';

/**
 * Every feature catalog, merged over the core catalogs (en.ts, zhCN.ts). Add one import and one
 * entry per feature area; a namespace may appear only once.
 */
const features: FeatureCatalog[] = [];

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
