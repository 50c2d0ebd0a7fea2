// The HTTP upgrade of pods/{name}/exec, /attach and /portforward to a WebSocket: authenticated
// exactly like every other request, then the pod and container are checked and the session
// starts. Anything refused is answered as a plain HTTP response with a Kubernetes Status.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiContext } from '../api/context.ts';
import type { PodPortRegistry } from '../api/podProxy.ts';
import { getObject } from '../api/resourceApi.ts';
import { authenticate, type AuthDeps } from '../auth/index.ts';
import { errors } from '../http/errors.ts';
import { parseResourcePath } from '../http/requestInfo.ts';
import { errorReply } from '../http/respond.ts';
import type { KubeObject } from '../store/types.ts';
import type { AccessControl } from '../api/access.ts';
import type { ContainerRegistry } from './containerRegistry.ts';
import { parseStreamOptions, runAttach, runExec, type PodLifetime } from './execSession.ts';
import { PORT_FORWARD_PROTOCOL, runPortForward } from './portForward.ts';
import { negotiateStreamProtocol, type StreamProtocol } from './websocketChannels.ts';

export interface UpgradeDeps {
  ctx: ApiContext;
  auth: AuthDeps;
  access: AccessControl;
  containers: ContainerRegistry;
  pods: PodPortRegistry;
}

interface PodShape {
  metadata: KubeObject['metadata'];
  spec?: { containers?: { name: string }[] };
  status?: {
    phase?: string;
    containerStatuses?: { name: string; state?: { running?: unknown } }[];
  };
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  return (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function refuse(socket: Duplex, error: unknown): void {
  const reply = errorReply(error);
  const body = Buffer.from(String(reply.body));
  socket.end(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('utf8')}`,
  );
}

/** Calls onGone once the pod is being deleted, removed, or replaced by another of its name. */
function podLifetime(ctx: ApiContext, kindKey: string, pod: PodShape): PodLifetime {
  return (onGone) => {
    const subject = `pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace ?? ''}"`;
    const started = ctx.store.watch(
      {
        storageKey: kindKey,
        namespace: pod.metadata.namespace,
        matches: (o) => o.metadata.name === pod.metadata.name,
        send: (type, _json, obj) => {
          if (type === 'DELETED' || obj.metadata.uid !== pod.metadata.uid)
            onGone(`${subject} was deleted: the stream ended`);
          else if (obj.metadata.deletionTimestamp)
            onGone(`${subject} is being deleted: its containers are stopping, the stream ended`);
        },
      },
      undefined,
    );
    return () => (started === 'gone' ? undefined : started.cancel());
  };
}

function chooseContainer(pod: PodShape, requested: string | null): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const name = requested ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined)
    throw errors.badRequest(
      `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
    );
  if (!names.includes(name))
    throw errors.badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded' || phase === 'Failed')
    throw errors.badRequest(
      `cannot exec into a container in a completed pod; current phase is ${phase}`,
    );
  const running = pod.status?.containerStatuses?.find((s) => s.name === name)?.state?.running;
  if (!running)
    throw errors.badRequest(`unable to upgrade connection: container not found ("${name}")`);
  return name;
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    // The client's protocol list was checked before the upgrade; pick the first we speak.
    handleProtocols: (offered) => negotiateStreamProtocol(offered) ?? false,
  });
  // `SPDY/3.1+portforward.k8s.io` is not an RFC 7230 token (the `/`), which `ws` refuses to
  // parse: the port-forward upgrade hides it from `ws` and names it in the answer itself.
  const tunnelled = new WeakSet<IncomingMessage>();
  wss.on('headers', (headers, req) => {
    if (tunnelled.has(req)) headers.push(`Sec-WebSocket-Protocol: ${PORT_FORWARD_PROTOCOL}`);
  });
  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.invalid');
      const auth = authenticate(
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          rawQuery: url.search.replace(/^\?/, ''),
          headers: req.headers,
          body: Buffer.alloc(0),
        },
        deps.auth,
      );
      if (!auth.ok) throw errors.unauthorized(`Unauthorized: ${auth.reason}`);
      const info = parseResourcePath('GET', url.pathname, url.searchParams);
      const sub = info?.subresource;
      if (
        !info ||
        info.kind.plural !== 'pods' ||
        !sub ||
        !['exec', 'attach', 'portforward'].includes(sub)
      )
        throw errors.badRequest('only pods/exec, pods/attach and pods/portforward can be upgraded');
      // A WebSocket upgrade is a GET, but opening a stream into a pod is authorised as create.
      deps.access.authorize(
        deps.ctx,
        deps.access.caller(auth.identity),
        {
          verb: 'create',
          group: '',
          resource: 'pods',
          subresource: sub,
          namespace: info.namespace,
          name: info.name,
        },
        info.kind,
      );
      if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket')
        throw errors.badRequest(
          `unsupported upgrade "${req.headers.upgrade ?? ''}": this server streams over WebSocket only (kubectl 1.30 or later)`,
        );
      const offered = offeredProtocols(req);
      const streamProtocol = negotiateStreamProtocol(offered);
      if (sub === 'portforward' ? !offered.includes(PORT_FORWARD_PROTOCOL) : !streamProtocol)
        throw errors.badRequest(
          `none of the WebSocket subprotocols [${offered.join(', ')}] is supported`,
        );
      const pod = getObject(
        deps.ctx,
        info.kind,
        info.namespace,
        info.name as string,
      ) as unknown as PodShape;
      const lifetime = podLifetime(deps.ctx, info.kind.storageKey, pod);
      if (sub === 'portforward') {
        if (pod.status?.phase !== 'Running')
          throw errors.badRequest(
            `unable to forward ports: pod ${pod.metadata.name} is not running (phase ${pod.status?.phase ?? 'Pending'})`,
          );
        delete req.headers['sec-websocket-protocol'];
        tunnelled.add(req);
        return wss.handleUpgrade(req, socket, head, (ws) =>
          runPortForward(ws, deps.pods, pod as unknown as KubeObject, lifetime),
        );
      }
      const container = chooseContainer(pod, url.searchParams.get('container'));
      const options = parseStreamOptions(url.searchParams);
      if (sub === 'exec' && options.command.length === 0)
        throw errors.badRequest('you must specify at least 1 command');
      const state = deps.containers.container(pod as unknown as KubeObject, container);
      if (!state)
        throw errors.badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (sub === 'exec') runExec(ws, streamProtocol as StreamProtocol, state, options, lifetime);
        else
          runAttach(
            ws,
            deps.ctx,
            {
              kind: info.kind,
              namespace: pod.metadata.namespace ?? '',
              name: pod.metadata.name,
              container,
            },
            options,
            lifetime,
          );
      });
    } catch (error) {
      refuse(socket, error);
    }
  };
  /** Ends every open session (the server is closing: upgraded sockets are not its own). */
  const closeAll = () => {
    for (const ws of wss.clients) ws.terminate();
  };
  return { handle, closeAll };
}
