import type { KindDescriptor, Status } from '@cci/model';
import { parse as parseYaml } from 'yaml';
import { errors } from '../http/errors.ts';
import { parseResourcePath, type ResourceRequest } from '../http/requestInfo.ts';
import { json, warningHeader, type Reply } from '../http/respond.ts';
import type { KubeObject } from '../store/types.ts';
import { toTable } from '../table/index.ts';
import type { AccessAttributes, AccessControl, Visibility } from './access.ts';
import type { ApiRequest } from './apiRequest.ts';
import type { ApiContext, WriteResult } from './context.ts';
import type { DeleteOptions } from './deletion.ts';
import { listBody, listObjects, asRequestedVersion } from './list.ts';
import { createObject, getObject, patchObject, removeObject, updateObject } from './resourceApi.ts';
import { scaleOf, writeScale } from './scale.ts';
import { startWatch } from './watch.ts';
import type { PodPortRegistry } from './podProxy.ts';
import { proxyToPod } from './podProxy.ts';
import { podLog } from './podLog.ts';
import { ownsItself, stampTenant } from './tenancy.ts';

export type { ApiRequest } from './apiRequest.ts';

export interface RouterOptions {
  bookmarkIntervalMs: number;
  pods: PodPortRegistry;
  access: AccessControl;
}

function header(req: ApiRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBody(req: ApiRequest): unknown {
  if (req.body.length === 0) return undefined;
  const text = req.body.toString('utf8');
  const type = header(req, 'content-type') ?? '';
  if (type.includes('protobuf')) {
    // kubectl's generator commands (create namespace/configmap ...) send protobuf; the emulator
    // speaks JSON and YAML only, and says so rather than failing obscurely.
    throw errors.unsupportedMediaType(
      'protobuf request bodies are not supported by this server: send JSON or YAML (for example kubectl create -f FILE)',
    );
  }
  try {
    return type.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(
      `the request body is not valid ${type.includes('yaml') ? 'YAML' : 'JSON'}: ${(e as Error).message}`,
    );
  }
}

type TableMode = 'None' | 'Metadata' | 'Object';

/** kubectl get asks for `as=Table`; everything else gets objects. */
function tableMode(req: ApiRequest): TableMode | undefined {
  const accept = header(req, 'accept') ?? '';
  const first = accept.split(',')[0] ?? '';
  if (!first.includes('as=Table')) return undefined;
  const include = req.query.get('includeObject');
  return include === 'None' || include === 'Object' ? include : 'Metadata';
}

function writeReply(result: WriteResult): Reply {
  return json(result.status, result.object, warningHeader(result.warnings));
}

function deleteOptions(req: ApiRequest, body: unknown): DeleteOptions {
  const opts = (body ?? {}) as DeleteOptions & { dryRun?: string[] | boolean };
  const policy = req.query.get('propagationPolicy') ?? opts.propagationPolicy;
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw errors.badRequest(
      `propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  const grace = req.query.get('gracePeriodSeconds');
  return {
    propagationPolicy: policy as DeleteOptions['propagationPolicy'],
    gracePeriodSeconds: grace !== null ? Number(grace) : opts.gracePeriodSeconds,
    preconditions: opts.preconditions,
    dryRun: isDryRun(req) || (Array.isArray(opts.dryRun) && opts.dryRun.includes('All')),
  };
}

function isDryRun(req: ApiRequest): boolean {
  return req.query.getAll('dryRun').includes('All');
}

function successStatus(kind: KindDescriptor, obj: KubeObject): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: obj.metadata.name,
      group: kind.group,
      kind: kind.plural,
      uid: obj.metadata.uid,
    },
  };
}

export function routeResource(
  ctx: ApiContext,
  options: RouterOptions,
  req: ApiRequest,
): Reply | Promise<Reply> | undefined {
  const info = parseResourcePath(req.method, req.pathname, req.query);
  if (!info) return undefined;
  if (
    !info.kind.verbs.includes(info.verb as never) &&
    info.verb !== 'proxy' &&
    info.subresource === undefined
  ) {
    throw errors.methodNotAllowed();
  }
  const visible = options.access.authorize(ctx, req.caller, accessAttributes(req, info), info.kind);
  return dispatch(ctx, options, req, info, visible);
}

const proxyVerbs: Record<string, string> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** The authorizer's view of a request: proxy's verb is the HTTP method's, as in Kubernetes. */
function accessAttributes(req: ApiRequest, info: ResourceRequest): AccessAttributes {
  return {
    verb: info.verb === 'proxy' ? (proxyVerbs[req.method] ?? 'get') : info.verb,
    group: info.kind.group,
    resource: info.kind.plural,
    subresource: info.subresource,
    namespace: info.kind.namespaced ? info.namespace : undefined,
    name: info.name,
  };
}

function dispatch(
  ctx: ApiContext,
  options: RouterOptions,
  req: ApiRequest,
  info: ResourceRequest,
  visible: Visibility,
): Reply | Promise<Reply> {
  const { kind, namespace, name, subresource } = info;
  const table = tableMode(req);
  const render = (
    objects: KubeObject[],
    listMeta?: { resourceVersion?: string; continue?: string },
  ) =>
    json(
      200,
      toTable({
        kind: kind.kind,
        objects,
        now: ctx.clock.now(),
        includeObject: table ?? 'Metadata',
        ...(listMeta ? { listMeta } : {}),
      }),
    );

  if (subresource === 'proxy') return proxyToPod(ctx, options.pods, req, info);
  if (subresource === 'exec' || subresource === 'attach' || subresource === 'portforward') {
    // The streams run on the upgraded connection (exec/upgrade.ts); a plain request gets what
    // the API server answers.
    throw errors.badRequest('Upgrade request required');
  }
  if (subresource === 'log')
    return podLog(ctx, kind, namespace, name as string, req.query, req.sink);
  if (subresource === 'scale') {
    if (info.verb === 'get')
      return json(200, scaleOf(getObject(ctx, kind, namespace, name as string)));
    if (info.verb === 'update' || info.verb === 'patch') {
      return writeReply(
        writeScale(
          ctx,
          kind,
          namespace,
          name as string,
          info.verb === 'update' ? 'PUT' : 'PATCH',
          header(req, 'content-type'),
          parseBody(req),
          isDryRun(req),
        ),
      );
    }
    throw errors.methodNotAllowed();
  }

  switch (info.verb) {
    case 'get': {
      const obj = asRequestedVersion(kind, getObject(ctx, kind, namespace, name as string));
      return table ? render([obj]) : json(200, obj);
    }
    case 'list': {
      const page = listObjects(ctx, kind, namespace, req.query, visible);
      if (table) {
        const meta = {
          resourceVersion: page.resourceVersion,
          ...(page.continueToken ? { continue: page.continueToken } : {}),
        };
        return render(
          page.objects.map((o) => asRequestedVersion(kind, o)),
          meta,
        );
      }
      return json(200, listBody(kind, page));
    }
    case 'watch': {
      const sink = req.sink();
      const renderEvent = table
        ? (obj: KubeObject) =>
            JSON.stringify(
              toTable({
                kind: kind.kind,
                objects: [obj],
                now: ctx.clock.now(),
                includeObject: table,
              }),
            )
        : undefined;
      startWatch(ctx, kind, namespace, req.query, sink, {
        render: renderEvent,
        bookmarkIntervalMs: options.bookmarkIntervalMs,
        visible,
      });
      return { type: 'streaming' };
    }
    case 'create': {
      const identity = req.caller.identity;
      const body = ownsItself(kind)
        ? stampTenant(parseBody(req), {
            projectId: identity.projectId,
            domainId: identity.domainId,
          })
        : parseBody(req);
      return writeReply(createObject(ctx, kind, namespace, body, isDryRun(req)));
    }
    case 'update':
      return writeReply(
        updateObject(
          ctx,
          kind,
          namespace,
          name as string,
          parseBody(req),
          subresource,
          isDryRun(req),
        ),
      );
    case 'patch':
      return writeReply(
        patchObject(
          ctx,
          kind,
          namespace,
          name as string,
          header(req, 'content-type'),
          parseBody(req),
          subresource,
          isDryRun(req),
        ),
      );
    case 'delete': {
      const result = removeObject(
        ctx,
        kind,
        namespace,
        name as string,
        deleteOptions(req, parseBody(req)),
      );
      if (result.status === 200 && !result.object.metadata.deletionTimestamp) {
        return json(200, successStatus(kind, result.object), warningHeader(result.warnings));
      }
      return writeReply(result);
    }
    case 'deletecollection': {
      const opts = deleteOptions(req, parseBody(req));
      const page = listObjects(ctx, kind, namespace, req.query, visible);
      for (const obj of page.objects)
        removeObject(ctx, kind, obj.metadata.namespace, obj.metadata.name, opts);
      return json(200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' });
    }
    default:
      throw errors.methodNotAllowed();
  }
}
