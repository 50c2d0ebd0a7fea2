import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ApiError } from '../../lib/kube/http.ts';
import { invalidateAfterWrite } from '../../lib/kube/refresh.ts';
import { kindOf } from '../resources/resourceKinds.ts';
import { networkName } from './namespaceForm.ts';
import {
  deriveJobPhase,
  loadJob,
  removeJob,
  saveJob,
  type JobPhase,
  type NamespaceJob,
} from './namespaceJob.ts';
import {
  createObject,
  deleteObject,
  waitUntilGone,
  wizardQueries,
} from '../wizard-shell/wizards.queries.ts';

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.localized(currentLanguage()) : String(error);
}

/**
 * Runs a namespace job: creates what the server does not have yet, in order (namespace, then
 * network), and follows the server until the Network is Active. Each request is sent once per
 * derived step; the next step is decided from the re-fetched server state, so a reload resumes.
 */
export function useNamespaceJob(region: string, name: string) {
  const queryClient = useQueryClient();
  const [job, setJob] = useState(() => loadJob(localStorage, region, name));
  const [busy, setBusy] = useState(false);
  const sent = useRef<string | undefined>(undefined);
  const namespace = useQuery(wizardQueries.object(region, 'namespaces', name, name));
  const network = useQuery({
    ...wizardQueries.object(region, 'networks', name, networkName(name)),
    enabled: !!namespace.data,
  });
  const server = {
    namespace: namespace.data,
    network: namespace.data ? network.data : null,
  };
  const phase: JobPhase = job ? deriveJobPhase(job, server) : { step: 'checking' };

  const update = useCallback(
    (next: NamespaceJob) => {
      saveJob(localStorage, next);
      setJob(next);
    },
    [setJob],
  );
  // The namespace (and all it holds) and its network, also in the list across namespaces (N4).
  const refresh = useCallback(
    () =>
      Promise.all([
        invalidateAfterWrite(queryClient, {
          region,
          kind: kindOf('namespaces'),
          namespace: name,
          names: [name],
        }),
        invalidateAfterWrite(queryClient, {
          region,
          kind: kindOf('networks'),
          namespace: name,
          names: [networkName(name)],
        }),
      ]),
    [queryClient, region, name],
  );

  useEffect(() => {
    if (!job || busy) return;
    const step = phase.step;
    // A terminal state: the job is over; keep the screen, forget the intent.
    if (step === 'done' || step === 'deleted') {
      removeJob(localStorage, region, name);
      return;
    }
    const resendDelete =
      step === 'deleting' &&
      job.intent === 'delete' &&
      !server.namespace?.metadata['deletionTimestamp'];
    const action =
      step === 'creatingNamespace'
        ? () => createObject('namespaces', undefined, job.namespace)
        : step === 'creatingNetwork'
          ? () => createObject('networks', name, job.network)
          : resendDelete
            ? () => deleteObject('namespaces', undefined, name)
            : undefined;
    // Send each step once; a changed job (retry) or a new step allows the next request.
    const marker = `${step}:${JSON.stringify(job.network)}:${job.intent}`;
    if (!action || sent.current === marker) return;
    sent.current = marker;
    setBusy(true);
    action()
      .catch((error: unknown) => {
        const conflict = error instanceof ApiError && error.status === 409;
        if (conflict && step === 'creatingNetwork') return; // created meanwhile: follow it
        if (step === 'deleting') return; // the poll shows where the deletion stands
        update({
          ...job,
          error: {
            step: step === 'creatingNamespace' ? 'namespace' : 'network',
            message: errorText(error),
          },
        });
      })
      .finally(() => {
        setBusy(false);
        void refresh();
      });
  }, [job, phase.step, busy, name, region, refresh, update, server.namespace]);

  const retryNetwork = useCallback(
    async (manifest: Record<string, unknown>) => {
      if (!job) return;
      setBusy(true);
      try {
        await deleteObject('networks', name, networkName(name));
        await waitUntilGone('networks', name, networkName(name));
        sent.current = undefined;
        update({ ...job, network: manifest, error: undefined });
      } catch (error) {
        update({ ...job, error: { step: 'network', message: errorText(error) } });
      } finally {
        setBusy(false);
        await refresh();
      }
    },
    [job, name, refresh, update],
  );

  const deleteNamespace = useCallback(async () => {
    if (!job) return;
    update({ ...job, intent: 'delete', error: undefined });
  }, [job, update]);

  return { job, phase, network: server.network, busy, retryNetwork, deleteNamespace };
}
