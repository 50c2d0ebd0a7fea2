/**
 * Feature areas keep their strings beside their code (`features/<area>/<area>.i18n.ts`) in one
 * top-level namespace each, both languages in the same file: adding a screen never means editing
 * a shared catalog, and the type makes the zh-CN half mirror the English one.
 */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export interface FeatureCatalog {
  en: Record<string, unknown>;
  zhCN: Record<string, unknown>;
}

export function defineCatalog<const E extends Record<string, unknown>>(catalog: {
  en: E;
  zhCN: Strings<E>;
}): FeatureCatalog {
  return catalog;
}
