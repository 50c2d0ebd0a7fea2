import type { KindDescriptor } from '@cci/model';
import { queryOptions } from '@tanstack/react-query';
import { kube } from '../../../lib/kube/client.ts';
import { kubeKeys } from '../../../lib/kube/keys.ts';
import type { KubeObject } from '../../../lib/kube/objects.ts';

/** The live object as the server holds it now (after an apply, or to merge a conflict). */
export function readLiveObject(
  kind: KindDescriptor,
  namespace: string,
  name: string,
): Promise<KubeObject> {
  return kube.get<KubeObject>(kind, { namespace, name });
}

/**
 * The live object an edit starts from. A snapshot, not a poll: the editor compares against the
 * version the user began with, and a newer one only comes in through the 409 conflict flow.
 */
export const workflowQueries = {
  live: (region: string, kind: KindDescriptor, namespace: string, name: string) =>
    queryOptions({
      queryKey: kubeKeys.editorBase(region, namespace, kind.plural, name),
      queryFn: ({ signal }) => kube.get<KubeObject>(kind, { namespace, name }, { signal }),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
};
