import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from '../api/context.ts';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  serverVersion,
} from '../api/discovery.ts';
import { routeResource, type ApiRequest, type RouterOptions } from '../api/router.ts';
import {
  authenticate,
  handleIamProjectsRequest,
  handleIamTokenRequest,
  type AuthDeps,
} from '../auth/index.ts';
import { ACCESS_REVIEW_PREFIX, handleAccessReview } from '../api/accessReview.ts';
import { decodeReview, isKubernetesProtobuf } from '../api/reviewProtobuf.ts';
import { openApiV2Response } from '../openapi/handler.ts';
import { openApiV3Document, openApiV3Index } from '../openapi/v3.ts';
import type { ContainerRegistry } from '../exec/containerRegistry.ts';
import { createUpgradeHandler } from '../exec/upgrade.ts';
import { errors } from './errors.ts';
import { errorReply, json, writeReply, type Reply } from './respond.ts';

export interface HttpServerOptions extends RouterOptions {
  auth: AuthDeps;
  openApiDocument: () => object;
  maxBodyBytes: number;
  log: (line: Record<string, unknown>) => void;
  /** The URL clients use, for discovery's serverAddressByClientCIDRs. */
  serverAddress: () => string;
  /** The emulated containers' filesystems and processes (exec, attach, cp). */
  containers: ContainerRegistry;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(errors.tooLarge(`the request body is larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function discovery(
  pathname: string,
  options: HttpServerOptions,
  req: IncomingMessage,
): Reply | undefined {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (pathname === '/version') return json(200, serverVersion);
  if (pathname === '/api') return json(200, apiVersions(options.serverAddress()));
  if (pathname === '/apis') return json(200, apiGroupList());
  if (parts[0] === 'api' && parts.length === 2)
    return found(apiResourceList('', parts[1] as string));
  if (parts[0] === 'apis' && parts.length === 2) return found(apiGroupDocument(parts[1] as string));
  if (parts[0] === 'apis' && parts.length === 3)
    return found(apiResourceList(parts[1] as string, parts[2] as string));
  if (pathname === '/openapi/v3') return json(200, openApiV3Index());
  if (pathname.startsWith('/openapi/v3/')) {
    const doc = openApiV3Document(pathname.slice('/openapi/v3/'.length));
    if (!doc) throw errors.notFoundPath();
    return {
      type: 'raw',
      status: 200,
      contentType: 'application/json',
      body: doc.body,
      headers: { ETag: doc.etag },
    };
  }
  if (pathname === '/openapi/v2') {
    const accept = typeof req.headers.accept === 'string' ? req.headers.accept : undefined;
    const ifNoneMatch =
      typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : undefined;
    const r = openApiV2Response(accept, options.openApiDocument(), ifNoneMatch);
    return {
      type: 'raw',
      status: r.status,
      contentType: r.contentType,
      body: r.body,
      headers: { ETag: r.etag },
    };
  }
  return undefined;
}

/** An access review as JSON or, as kubectl sends it, as protobuf. */
function reviewBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  if (isKubernetesProtobuf(body)) {
    let review: unknown;
    try {
      review = decodeReview(body);
    } catch (e) {
      throw errors.badRequest(
        `the protobuf request body cannot be decoded: ${(e as Error).message}`,
      );
    }
    if (review === undefined)
      throw errors.unsupportedMediaType(
        'only SelfSubjectAccessReview and SelfSubjectRulesReview are read as protobuf here: send JSON',
      );
    return review;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw errors.badRequest(`the request body is not valid JSON: ${(e as Error).message}`);
  }
}

function found(body: unknown): Reply {
  if (body === undefined) throw errors.notFoundPath();
  return json(200, body);
}

async function handle(
  ctx: ApiContext,
  options: HttpServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = req.method ?? 'GET';
  const body = await readBody(req, options.maxBodyBytes);

  if (url.pathname === '/v3/auth/tokens' && method === 'POST') {
    const r = handleIamTokenRequest(body.toString('utf8'), {
      directory: options.auth.directory,
      tokens: options.auth.tokens,
    });
    return json(r.status, r.body, r.headers);
  }
  if (['/healthz', '/livez', '/readyz'].includes(url.pathname)) {
    return { type: 'raw', status: 200, contentType: 'text/plain', body: 'ok' };
  }
  const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  const auth = authenticate(
    { method, path: url.pathname, rawQuery, headers: req.headers, body },
    options.auth,
  );
  if (!auth.ok) throw errors.unauthorized(`Unauthorized: ${auth.reason}`);
  if (url.pathname === '/v3/projects' && method === 'GET') {
    const r = handleIamProjectsRequest(auth.identity, url.searchParams, options.auth.directory);
    return json(r.status, r.body, r.headers);
  }

  const meta = discovery(url.pathname, options, req);
  if (meta) return meta;
  const caller = options.access.caller(auth.identity);
  if (url.pathname.startsWith(ACCESS_REVIEW_PREFIX)) {
    return handleAccessReview(ctx, options.access, caller, method, url.pathname, reviewBody(body));
  }

  const apiRequest: ApiRequest = {
    method,
    pathname: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    caller,
    sink: () => {
      return {
        open: (contentType = 'application/json') => {
          res.writeHead(200, {
            'Content-Type': contentType,
            'Transfer-Encoding': 'chunked',
            'Cache-Control': 'no-cache',
          });
          res.flushHeaders();
        },
        write: (chunk) => void res.write(chunk),
        end: () => res.end(),
        onClose: (listener) => res.on('close', listener),
      };
    },
  };
  const reply = await routeResource(ctx, options, apiRequest);
  if (!reply) throw errors.notFoundPath();
  return reply;
}

export function createHttpServer(
  ctx: ApiContext,
  options: HttpServerOptions,
  tls: { key: string; cert: string } | undefined,
): Server {
  const listener: RequestListener = (req, res) => {
    const started = performance.now();
    handle(ctx, options, req, res)
      .catch((error: unknown) => {
        const reply = errorReply(error);
        if (!res.headersSent) return reply;
        // A watch already streaming: the error travels as an ERROR event, like the API server.
        res.end(`{"type":"ERROR","object":${reply.body}}\n`);
        return { type: 'streaming' } as const;
      })
      .then((reply) => {
        writeReply(res, reply);
        options.log({
          method: req.method,
          path: req.url?.split('?')[0],
          status: reply.type === 'streaming' ? 200 : reply.status,
          ms: Math.round(performance.now() - started),
        });
      })
      .catch(() => res.destroy());
  };
  const server = tls
    ? createTlsServer({ key: tls.key, cert: tls.cert }, listener)
    : createServer(listener);
  // exec, attach, cp and port-forward: WebSocket upgrades of the pods' streaming subresources.
  const upgrades = createUpgradeHandler({
    ctx,
    auth: options.auth,
    access: options.access,
    containers: options.containers,
    pods: options.pods,
  });
  server.on('upgrade', upgrades.handle);
  // Upgraded sockets still hold the server open; closing them is part of closing it.
  const closeAllConnections = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    upgrades.closeAll();
    closeAllConnections();
  };
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
