import { asArray, asNumber, asText, field, type KubeObject } from '../resources/objects.ts';

export type ContainerStateKind = 'running' | 'waiting' | 'terminated' | 'unknown';

export interface ContainerState {
  kind: ContainerStateKind;
  /** Waiting/terminated reason (CrashLoopBackOff, Completed, Error...). */
  reason: string;
  message: string;
  /** Running since / terminated at (ISO). */
  since: string;
  exitCode: number | undefined;
}

/** Where an env variable comes from; a Secret's value is never read, only named. */
export type EnvSource =
  | { from: 'value' }
  | { from: 'secret'; name: string; key: string }
  | { from: 'configMap'; name: string; key: string }
  | { from: 'field'; path: string }
  | { from: 'resource'; resource: string }
  | { from: 'secretAll'; name: string; prefix: string }
  | { from: 'configMapAll'; name: string; prefix: string };

export interface EnvEntry {
  /** The variable, or '' for envFrom (all keys of a ConfigMap/Secret). */
  name: string;
  source: EnvSource;
}

export interface ContainerSummary {
  name: string;
  init: boolean;
  image: string;
  ports: string[];
  ready: boolean;
  restarts: number;
  state: ContainerState;
  /** The previous instance's end, when it restarted. */
  lastTermination: ContainerState | undefined;
  requests: Record<string, string>;
  limits: Record<string, string>;
  probes: { kind: 'liveness' | 'readiness' | 'startup'; text: string }[];
  env: EnvEntry[];
  mounts: { volume: string; path: string; readOnly: boolean; subPath: string }[];
}

function stateOf(state: unknown): ContainerState {
  const exit = (s: unknown) => {
    const code = field(s, 'exitCode');
    return typeof code === 'number' ? code : undefined;
  };
  for (const kind of ['running', 'waiting', 'terminated'] as const) {
    const s = field(state, kind);
    if (typeof s !== 'object' || s === null) continue;
    return {
      kind,
      reason: asText(field(s, 'reason')),
      message: asText(field(s, 'message')),
      since: asText(field(s, kind === 'terminated' ? 'finishedAt' : 'startedAt')),
      exitCode: exit(s),
    };
  }
  return { kind: 'unknown', reason: '', message: '', since: '', exitCode: undefined };
}

function textRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
}

/** kubectl describe's probe line: `http-get http://:80/ delay=5s timeout=1s period=10s ...`. */
export function probeText(probe: unknown): string {
  const http = field(probe, 'httpGet');
  const tcp = field(probe, 'tcpSocket');
  const exec = field(probe, 'exec');
  const grpc = field(probe, 'grpc');
  let action = 'unknown';
  if (http) {
    const scheme = (asText(field(http, 'scheme')) || 'HTTP').toLowerCase();
    const host = asText(field(http, 'host'));
    action = `http-get ${scheme}://${host}:${asText(field(http, 'port'))}${asText(field(http, 'path'))}`;
  } else if (tcp) action = `tcp-socket ${asText(field(tcp, 'host'))}:${asText(field(tcp, 'port'))}`;
  else if (exec) action = `exec [${asArray(field(exec, 'command')).map(asText).join(' ')}]`;
  else if (grpc)
    action = `grpc <pod>:${asText(field(grpc, 'port'))} ${asText(field(grpc, 'service'))}`.trim();
  const n = (path: string, fallback: number) => asNumber(field(probe, path), fallback);
  return [
    action,
    `delay=${n('initialDelaySeconds', 0)}s`,
    `timeout=${n('timeoutSeconds', 1)}s`,
    `period=${n('periodSeconds', 10)}s`,
    `#success=${n('successThreshold', 1)}`,
    `#failure=${n('failureThreshold', 3)}`,
  ].join(' ');
}

function envOf(container: unknown): EnvEntry[] {
  const entries: EnvEntry[] = asArray(field(container, 'env')).map((e) => {
    const name = asText(field(e, 'name'));
    const from = field(e, 'valueFrom');
    const secret = field(from, 'secretKeyRef');
    const configMap = field(from, 'configMapKeyRef');
    const ref = (r: unknown) => ({ name: asText(field(r, 'name')), key: asText(field(r, 'key')) });
    if (secret) return { name, source: { from: 'secret', ...ref(secret) } };
    if (configMap) return { name, source: { from: 'configMap', ...ref(configMap) } };
    if (field(from, 'fieldRef')) {
      return { name, source: { from: 'field', path: asText(field(from, 'fieldRef.fieldPath')) } };
    }
    if (field(from, 'resourceFieldRef')) {
      const resource = asText(field(from, 'resourceFieldRef.resource'));
      return { name, source: { from: 'resource', resource } };
    }
    return { name, source: { from: 'value' } };
  });
  for (const e of asArray(field(container, 'envFrom'))) {
    const prefix = asText(field(e, 'prefix'));
    const secret = asText(field(e, 'secretRef.name'));
    const configMap = asText(field(e, 'configMapRef.name'));
    if (secret) entries.push({ name: '', source: { from: 'secretAll', name: secret, prefix } });
    if (configMap) {
      entries.push({ name: '', source: { from: 'configMapAll', name: configMap, prefix } });
    }
  }
  return entries;
}

function summarize(spec: unknown, status: unknown, init: boolean): ContainerSummary {
  const last = field(status, 'lastState');
  const lastTermination = field(last, 'terminated') ? stateOf(last) : undefined;
  const probes = (['liveness', 'readiness', 'startup'] as const)
    .filter((kind) => field(spec, `${kind}Probe`))
    .map((kind) => ({ kind, text: probeText(field(spec, `${kind}Probe`)) }));
  return {
    name: asText(field(spec, 'name')),
    init,
    image: asText(field(spec, 'image')),
    ports: asArray(field(spec, 'ports')).map((p) => {
      const name = asText(field(p, 'name'));
      const port = `${asText(field(p, 'containerPort'))}/${asText(field(p, 'protocol')) || 'TCP'}`;
      return name ? `${port} (${name})` : port;
    }),
    ready: field(status, 'ready') === true,
    restarts: asNumber(field(status, 'restartCount')),
    state: stateOf(field(status, 'state')),
    lastTermination,
    requests: textRecord(field(spec, 'resources.requests')),
    limits: textRecord(field(spec, 'resources.limits')),
    probes,
    env: envOf(spec),
    mounts: asArray(field(spec, 'volumeMounts')).map((m) => ({
      volume: asText(field(m, 'name')),
      path: asText(field(m, 'mountPath')),
      readOnly: field(m, 'readOnly') === true,
      subPath: asText(field(m, 'subPath')),
    })),
  };
}

/** Init containers first (in order), then app containers, each joined with its status. */
export function containerSummaries(pod: KubeObject): ContainerSummary[] {
  const join = (specPath: string, statusPath: string, init: boolean) => {
    const statuses = asArray(field(pod, statusPath));
    return asArray(field(pod, specPath)).map((spec) => {
      const name = asText(field(spec, 'name'));
      const status = statuses.find((s) => asText(field(s, 'name')) === name);
      return summarize(spec, status, init);
    });
  };
  return [
    ...join('spec.initContainers', 'status.initContainerStatuses', true),
    ...join('spec.containers', 'status.containerStatuses', false),
  ];
}

/** The colour a state is shown in: green running+ready, red crashing/failed, grey done. */
export function stateTone(c: ContainerSummary): 'ok' | 'warn' | 'bad' | 'done' {
  if (c.state.kind === 'running') return c.ready || c.init ? 'ok' : 'warn';
  if (c.state.kind === 'terminated') return c.state.exitCode === 0 ? 'done' : 'bad';
  if (c.state.kind === 'waiting') {
    return /BackOff|Err|Invalid|Failed/.test(c.state.reason) ? 'bad' : 'warn';
  }
  return 'warn';
}
