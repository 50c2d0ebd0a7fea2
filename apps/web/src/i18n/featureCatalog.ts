/**
 * Feature areas keep their strings beside their code, one top-level namespace each, one file per
 * language (`features/<area>/<area>.en.ts` and `.zhCN.ts`): a screen's strings download with the
 * screen, in the active language only (catalogs.ts). `Strings` makes the zh-CN half mirror the
 * English one key for key.
 */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export interface FeatureCatalog {
  en: Record<string, unknown>;
  zhCN: Record<string, unknown>;
}

/** Both languages in one module: only for strings also needed outside i18next (the editor's). */
export function defineCatalog<const E extends Record<string, unknown>>(catalog: {
  en: E;
  zhCN: Strings<E>;
}): FeatureCatalog {
  return catalog;
}
