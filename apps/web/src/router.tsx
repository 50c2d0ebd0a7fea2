import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { loadNamespaces } from './i18n/i18n.ts';
import { ApiError } from './lib/kube/http.ts';
import { List } from './features/resources/List.tsx';
import { loadDetails, loadList } from './features/resources/routeLoaders.ts';
import { Frame } from './features/frame/Frame.tsx';
import { sessionQueries } from './features/session/session.queries.ts';
import { landingPath } from './features/session/landing.ts';
import { validateDetailsSearch } from './features/details/detailsSearch.ts';
import { validateEditorSearch } from './features/editor/workflow/editorSearch.ts';
import { listActionNamespaces } from './features/wizard-shell/ListActions.tsx';
import type { NamespaceWizardSearch } from './features/namespaces/NamespaceWizard.tsx';
import type { WorkloadFormSearch } from './features/workload-forms/WorkloadFormPage.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export interface LoginSearch {
  redirect?: string | undefined;
  region?: string | undefined;
  /** A region switch: the region the user was signed in to, and how (kept on this page). */
  from?: string | undefined;
  method?: 'password' | 'aksk' | undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: typeof search['redirect'] === 'string' ? search['redirect'] : undefined,
    region: typeof search['region'] === 'string' ? search['region'] : undefined,
    from: typeof search['from'] === 'string' ? search['from'] : undefined,
    method:
      search['method'] === 'aksk' || search['method'] === 'password' ? search['method'] : undefined,
  }),
  // Split off: a signed-in reload should not download the sign-in page, nor a list the details.
  component: lazyRouteComponent(() => import('./features/session/Login.tsx'), 'Login'),
});

/** Signed-in screens: a 401 (no or expired session) sends to sign-in, keeping where we were. */
async function requireSession(queryClient: QueryClient, href: string) {
  try {
    return await queryClient.ensureQueryData(sessionQueries.current());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw redirect({ to: '/login', search: { redirect: href } });
    }
    throw error;
  }
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context, location }) => {
    const session = await requireSession(context.queryClient, location.href);
    throw redirect({ href: await landingPath(context.queryClient, session.region) });
  },
});

export const frameRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/r/$region/ns/$namespace',
  beforeLoad: ({ context, location }) => requireSession(context.queryClient, location.href),
  // Each screen's strings arrive with it (i18n/catalogs.ts): selection actions and the editor
  // entry are in every list and details screen.
  loader: () => loadNamespaces('actions', 'workflow'),
  component: Frame,
});

const frameIndexRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({
      to: '/r/$region/ns/$namespace/$resource',
      params: { ...params, resource: 'pods' },
    });
  },
});

export const listRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: '$resource',
  loader: ({ params, context, preload }) => {
    loadList({ queryClient: context.queryClient, preload }, params);
    const lists = params.resource === 'events' ? (['events'] as const) : [];
    return loadNamespaces(...(listActionNamespaces[params.resource] ?? []), ...lists);
  },
  component: List,
});

export const detailsRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: '$resource/$name',
  validateSearch: validateDetailsSearch,
  loader: ({ params, context, preload }) => {
    loadDetails({ queryClient: context.queryClient, preload }, params);
    return loadNamespaces(
      'objectDetails',
      'metrics',
      'terminal',
      'logs',
      'editor',
      'podOverview',
      'configData',
    );
  },
  component: lazyRouteComponent(() => import('./features/resources/Details.tsx'), 'Details'),
});

// Wizards and managers (features/namespaces, eip-pools, snapshots, workloads): static segments outrank `$resource/$name`.
const namespaceWizardRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'create/namespace',
  loader: () => loadNamespaces('nsWizard', 'editor'),
  validateSearch: (search: Record<string, unknown>): NamespaceWizardSearch => ({
    job: typeof search['job'] === 'string' ? search['job'] : undefined,
    for: typeof search['for'] === 'string' ? search['for'] : undefined,
  }),
  component: lazyRouteComponent(
    () => import('./features/namespaces/NamespaceWizard.tsx'),
    'NamespaceWizard',
  ),
});

const eipPoolWizardRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'create/eippool',
  loader: () => loadNamespaces('eipPools', 'editor'),
  component: lazyRouteComponent(
    () => import('./features/eip-pools/EipPoolWizard.tsx'),
    'EipPoolWizard',
  ),
});

const eipPoolManagerRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'manage/eippools',
  loader: () => loadNamespaces('eipPools'),
  component: lazyRouteComponent(
    () => import('./features/eip-pools/EipPoolManager.tsx'),
    'EipPoolManager',
  ),
});

const snapshotWizardRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'create/imagesnapshot',
  loader: () => loadNamespaces('snapshots', 'editor'),
  component: lazyRouteComponent(
    () => import('./features/snapshots/SnapshotWizard.tsx'),
    'SnapshotWizard',
  ),
});

const snapshotOverviewRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'manage/imagesnapshots',
  loader: () => loadNamespaces('snapshots', 'workloads'),
  component: lazyRouteComponent(
    () => import('./features/snapshots/SnapshotOverview.tsx'),
    'SnapshotOverview',
  ),
});

// One route for the workload forms: /form/deployment creates, /form/deployment?name=web edits.
const workloadFormRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'form/$workload',
  loader: () => loadNamespaces('workloads', 'snapshots', 'editor'),
  validateSearch: (search: Record<string, unknown>): WorkloadFormSearch => ({
    snapshot: typeof search['snapshot'] === 'string' ? search['snapshot'] : undefined,
    name: typeof search['name'] === 'string' ? search['name'] : undefined,
  }),
  component: lazyRouteComponent(
    () => import('./features/workload-forms/WorkloadFormPage.tsx'),
    'WorkloadFormRoute',
  ),
});

const wizardRoutes = [
  namespaceWizardRoute,
  eipPoolWizardRoute,
  eipPoolManagerRoute,
  snapshotWizardRoute,
  snapshotOverviewRoute,
  workloadFormRoute,
];

// Editor workflow (features/editor/workflow/): new from template, edit YAML, apply.
const editorRoute = createRoute({
  getParentRoute: () => frameRoute,
  path: 'editor',
  loader: () => loadNamespaces('workflow', 'editor'),
  validateSearch: validateEditorSearch,
  component: lazyRouteComponent(
    () => import('./features/editor/workflow/EditorPage.tsx'),
    'EditorPage',
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  indexRoute,
  frameRoute.addChildren([frameIndexRoute, listRoute, detailsRoute, ...wizardRoutes, editorRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data lives in the query cache: loaders run on every navigation (they read the cache),
    // so a hover preload never stands in for the navigation's own loader (live lists).
    defaultPreloadStaleTime: 0,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
