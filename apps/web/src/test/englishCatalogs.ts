import { en as actions } from '../features/actions/actions.en.ts';
import { en as objectDetails } from '../features/details/details.en.ts';
import { editorCatalog } from '../features/editor/editor.i18n.ts';
import { en as workflow } from '../features/editor/workflow/workflow.en.ts';
import { en as apiError } from '../features/errors/errors.en.ts';
import { en as metrics } from '../features/metrics/metrics.en.ts';
import { en as logs } from '../features/logs/logs.en.ts';
import { en as session } from '../features/session/session.en.ts';
import { en as eipPools } from '../features/eip-pools/eipPools.en.ts';
import { en as nsWizard } from '../features/namespaces/namespaceWizard.en.ts';
import { en as snapshots } from '../features/snapshots/snapshots.en.ts';
import { en as terminal } from '../features/terminal/terminal.en.ts';
import { en as workloads } from '../features/workload-forms/formsCatalog.en.ts';
import { en as events } from '../features/events/events.en.ts';
import { en as podOverview } from '../features/pod-overview/podOverview.en.ts';
import { en as configData } from '../features/config-data/configData.en.ts';
import type { Namespace, Strings } from '../i18n/catalogs.ts';
import { en as core } from '../i18n/en.ts';

/**
 * Every English catalog, imported statically: component tests render synchronously, where the
 * app downloads a screen's namespaces first (catalogs.ts). catalogs.test.ts checks these are
 * what the loaders give.
 */
export const englishCatalogs: Record<Namespace, Strings> = {
  core,
  session,
  apiError,
  actions,
  objectDetails,
  metrics,
  terminal,
  logs,
  nsWizard,
  eipPools,
  snapshots,
  workloads,
  workflow,
  events,
  podOverview,
  configData,
  editor: editorCatalog.en,
};
