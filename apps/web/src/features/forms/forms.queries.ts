/**
 * The forms' writes over lib/kube: create = a server dry run first (admission answers before
 * anything exists), then the create; update = a conditional replace (the object carries the
 * resourceVersion it was read at, so a change made meanwhile answers 409). Both refresh what
 * they touched before settling.
 */
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { kube } from '../../lib/kube/client.ts';
import { kubeKeys } from '../../lib/kube/keys.ts';
import type { KubeObject } from '../../lib/kube/objects.ts';
import { invalidateAfterWrite } from '../../lib/kube/refresh.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';

export interface FormTarget {
  region: string;
  plural: ResourcePlural;
  namespace: string;
}

function refresh(queryClient: QueryClient, target: FormTarget, name: string) {
  return invalidateAfterWrite(queryClient, {
    region: target.region,
    kind: kindOf(target.plural),
    namespace: target.namespace,
    names: [name],
  });
}

export const formMutations = {
  create: (queryClient: QueryClient, target: FormTarget) =>
    mutationOptions({
      mutationKey: [...kubeKeys.kind(target.region, target.namespace, target.plural), 'form'],
      mutationFn: async (doc: Record<string, unknown>) => {
        const kind = kindOf(target.plural);
        await kube.create(kind, target.namespace, doc, { dryRun: true });
        return kube.create<KubeObject>(kind, target.namespace, doc);
      },
      onSuccess: (created) => refresh(queryClient, target, created.metadata.name),
    }),
  update: (queryClient: QueryClient, target: FormTarget) =>
    mutationOptions({
      mutationKey: [...kubeKeys.kind(target.region, target.namespace, target.plural), 'formEdit'],
      mutationFn: (doc: KubeObject) =>
        kube.replace<KubeObject>(
          kindOf(target.plural),
          { namespace: target.namespace, name: doc.metadata.name },
          doc,
        ),
      onSuccess: (replaced) => refresh(queryClient, target, replaced.metadata.name),
    }),
};
