/**
 * Where every catalog is, per namespace and language, as dynamic imports: each becomes its own
 * chunk, so a first visit downloads only the core strings of its language and each screen adds
 * the namespaces it uses (route loaders, i18n.ts loadNamespaces). Add one entry per feature
 * area; an area's top-level keys may appear in one namespace only.
 */
export type Language = 'en' | 'zh-CN';
export type Strings = Record<string, unknown>;

type Loaders = Record<Language, () => Promise<Strings>>;

export const catalogLoaders = {
  // app, common, login, frame, nav, list, column, cciStatus, details
  core: {
    en: () => import('./en.ts').then((m) => m.en),
    'zh-CN': () => import('./zhCN.ts').then((m) => m.zhCN),
  },
  session: {
    en: () => import('../features/session/session.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/session/session.zhCN.ts').then((m) => m.zhCN),
  },
  apiError: {
    en: () => import('../features/errors/errors.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/errors/errors.zhCN.ts').then((m) => m.zhCN),
  },
  actions: {
    en: () => import('../features/actions/actions.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/actions/actions.zhCN.ts').then((m) => m.zhCN),
  },
  objectDetails: {
    en: () => import('../features/details/details.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/details/details.zhCN.ts').then((m) => m.zhCN),
  },
  metrics: {
    en: () => import('../features/metrics/metrics.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/metrics/metrics.zhCN.ts').then((m) => m.zhCN),
  },
  terminal: {
    en: () => import('../features/terminal/terminal.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/terminal/terminal.zhCN.ts').then((m) => m.zhCN),
  },
  logs: {
    en: () => import('../features/logs/logs.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/logs/logs.zhCN.ts').then((m) => m.zhCN),
  },
  nsWizard: {
    en: () => import('../features/namespaces/namespaceWizard.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/namespaces/namespaceWizard.zhCN.ts').then((m) => m.zhCN),
  },
  eipPools: {
    en: () => import('../features/eip-pools/eipPools.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/eip-pools/eipPools.zhCN.ts').then((m) => m.zhCN),
  },
  snapshots: {
    en: () => import('../features/snapshots/snapshots.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/snapshots/snapshots.zhCN.ts').then((m) => m.zhCN),
  },
  // The workload forms: the old form's strings, the form framework and the pod template part.
  workloads: {
    en: () => import('../features/workload-forms/formsCatalog.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/workload-forms/formsCatalog.zhCN.ts').then((m) => m.zhCN),
  },
  workflow: {
    en: () => import('../features/editor/workflow/workflow.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/editor/workflow/workflow.zhCN.ts').then((m) => m.zhCN),
  },
  events: {
    en: () => import('../features/events/events.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/events/events.zhCN.ts').then((m) => m.zhCN),
  },
  podOverview: {
    en: () => import('../features/pod-overview/podOverview.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/pod-overview/podOverview.zhCN.ts').then((m) => m.zhCN),
  },
  configData: {
    en: () => import('../features/config-data/configData.en.ts').then((m) => m.en),
    'zh-CN': () => import('../features/config-data/configData.zhCN.ts').then((m) => m.zhCN),
  },
  // Both languages in one module: the YAML diagnostics also run outside i18next.
  editor: {
    en: () => import('../features/editor/editor.i18n.ts').then((m) => m.editorCatalog.en),
    'zh-CN': () => import('../features/editor/editor.i18n.ts').then((m) => m.editorCatalog.zhCN),
  },
} satisfies Record<string, Loaders>;

export type Namespace = keyof typeof catalogLoaders;
export const namespaces = Object.keys(catalogLoaders) as Namespace[];

/** What every screen needs before its first paint: the frame, sign-in and error strings. */
export const startupNamespaces: readonly Namespace[] = ['core', 'session', 'apiError'];
