import { vi } from 'vitest';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status?: number; body?: unknown };

/**
 * Stubs fetch for dialog tests: answers by "METHOD path" (path without query unless the key has
 * one) and records every request with its parsed JSON body.
 */
export function stubFetch(routes: Record<string, Reply | ((sent: SentRequest) => Reply)>) {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const request: SentRequest = {
        method: init.method ?? 'GET',
        url: input,
        headers: (init.headers ?? {}) as Record<string, string>,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      sent.push(request);
      const route =
        routes[`${request.method} ${input}`] ?? routes[`${request.method} ${input.split('?')[0]}`];
      const reply = typeof route === 'function' ? route(request) : route;
      if (!reply)
        return new Response(JSON.stringify({ message: `no route ${input}` }), { status: 599 });
      return new Response(JSON.stringify(reply.body ?? {}), { status: reply.status ?? 200 });
    }),
  );
  return { sent, writes: () => sent.filter((r) => r.method !== 'GET') };
}

/** A Kubernetes Status as the BFF relays it from CCI. */
export function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message };
}

/** Deployment demo/web as dialog tests see it: 3 replicas running, 2 desired (scale subresource). */
export const webDeployment = {
  target: { region: 'cn-north-4', plural: 'deployments' as const, namespace: 'demo' },
  scalePath: '/api/cci/apis/apps/v1/namespaces/demo/deployments/web/scale',
  scale: { kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 3 }, metadata: {} },
};
