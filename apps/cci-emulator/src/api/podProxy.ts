import { errors } from '../http/errors.ts';
import type { ResourceRequest } from '../http/requestInfo.ts';
import type { Reply } from '../http/respond.ts';
import type { ApiContext } from './context.ts';
import { getObject } from './resourceApi.ts';
import type { ApiRequest } from './apiRequest.ts';

export interface PodHttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PodHttpResponse {
  status: number;
  contentType: string;
  body: string | Uint8Array;
}

/**
 * Emulated pods have no sockets: whatever listens "inside" a pod (the metrics exporter, ...)
 * registers a handler here, and the `proxy` subresource calls it in process. Nothing is dialled.
 */
export interface PodPortRegistry {
  lookup(
    namespace: string,
    pod: string,
    port: number,
  ): ((req: PodHttpRequest) => Promise<PodHttpResponse> | PodHttpResponse) | undefined;
}

interface PodShape {
  spec?: { containers?: { ports?: { containerPort?: number; name?: string }[] }[] };
  status?: { phase?: string; podIP?: string };
}

function resolvePort(pod: PodShape, requested: string | undefined): number {
  const ports = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  if (requested === undefined || requested === '') return ports[0]?.containerPort ?? 80;
  if (/^\d+$/.test(requested)) return Number(requested);
  const named = ports.find((p) => p.name === requested);
  if (!named?.containerPort)
    throw errors.badRequest(`no port named "${requested}" in the pod's containers`);
  return named.containerPort;
}

export async function proxyToPod(
  ctx: ApiContext,
  registry: PodPortRegistry,
  req: ApiRequest,
  info: ResourceRequest,
): Promise<Reply> {
  const namespace = info.namespace as string;
  const podName = info.name as string;
  const pod = getObject(ctx, info.kind, namespace, podName) as unknown as PodShape;
  const port = resolvePort(pod, info.proxyPort);
  if (port < 1 || port > 65535)
    throw errors.badRequest(`port ${port}: must be between 1 and 65535`);
  const podIP = pod.status?.podIP;
  if (pod.status?.phase !== 'Running' || !podIP) {
    throw errors.unavailable(
      `error trying to reach service: pod ${podName} is not running (phase ${pod.status?.phase ?? 'Pending'}) and has no IP yet`,
    );
  }
  const handler = registry.lookup(namespace, podName, port);
  if (!handler) {
    throw errors.unavailable(
      `error trying to reach service: dial tcp ${podIP}:${port}: connect: connection refused`,
    );
  }
  const response = await handler({
    method: req.method,
    path: info.proxyPath ?? '/',
    query: req.query,
    headers: req.headers,
    body: req.body,
  });
  return {
    type: 'raw',
    status: response.status,
    contentType: response.contentType,
    body: response.body,
  };
}
