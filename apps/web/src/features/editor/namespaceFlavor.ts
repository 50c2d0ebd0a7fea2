/**
 * The flavor of the namespace a manifest goes to (general-computing, gpu-accelerated): the GPU
 * rule needs it, so the editor and the forms flag a GPU container in a general namespace before
 * the server does. Read from the namespaces list the frame's switcher already holds.
 */
import { flavorAnnotation } from '@cci/model';
import { useQuery } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import { kindOf } from '../resources/resourceKinds.ts';

export function flavorOf(
  namespaces: readonly { metadata: { name: string; annotations?: Record<string, string> } }[],
  namespace: string,
): string | undefined {
  const found = namespaces.find((n) => n.metadata.name === namespace);
  return found?.metadata.annotations?.[flavorAnnotation];
}

export function useNamespaceFlavor(region: string, namespace: string): string | undefined {
  // The namespaces list's own key (resourceQueries.list): the switcher's copy answers it.
  const namespaces = useQuery({
    queryKey: kubeKeys.list(region, namespace, 'namespaces'),
    queryFn: ({ signal }) => kube.list(kindOf('namespaces'), undefined, { signal }),
  });
  return flavorOf(namespaces.data?.items ?? [], namespace);
}
