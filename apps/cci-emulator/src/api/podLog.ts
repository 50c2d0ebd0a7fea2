import type { KindDescriptor } from '@cci/model';
import { errors } from '../http/errors.ts';
import type { Reply } from '../http/respond.ts';
import type { ApiContext } from './context.ts';
import { getObject } from './resourceApi.ts';

interface PodContainers {
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] };
}

/**
 * GET pods/{name}/log. Containers are emulated, so the log is empty until the pod behaviours
 * (synthetic log lines per image) exist; the container checks are the API server's.
 */
export function podLog(
  ctx: ApiContext,
  kind: KindDescriptor,
  namespace: string | undefined,
  name: string,
  query: URLSearchParams,
): Reply {
  const pod = getObject(ctx, kind, namespace, name) as unknown as PodContainers;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map(
    (c) => c.name,
  );
  const container = query.get('container');
  if (container === null && containers.length > 1) {
    throw errors.badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`,
    );
  }
  if (container !== null && !containers.includes(container)) {
    throw errors.badRequest(`container ${container} is not valid for pod ${name}`);
  }
  return { type: 'raw', status: 200, contentType: 'text/plain', body: '' };
}
