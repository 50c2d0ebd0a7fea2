// Seeds each container of a pod from its spec: a base image tree, /etc/hostname and /etc/hosts,
// the environment (env, envFrom, valueFrom), the volumes (emptyDir shared between containers,
// ConfigMap / Secret / downward API as read-only files) and the files the entrypoint creates.
import { commandText, simpleCommands } from '../controllers/containerRuns.ts';
import { ProcessTable, type ContainerState } from './containerState.ts';
import { newDir, VirtualFs, type VDir } from './virtualFs.ts';

type Json = Record<string, unknown>;
interface KeyRef {
  name?: string;
  key?: string;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: KeyRef;
    secretKeyRef?: KeyRef;
    fieldRef?: { fieldPath?: string };
  };
}
interface VolumeSource {
  name: string;
  emptyDir?: object;
  configMap?: { name?: string; items?: { key: string; path: string }[] };
  secret?: { secretName?: string; items?: { key: string; path: string }[] };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath?: string } }[] };
}
export interface PodSpecShape {
  metadata: { name: string; namespace?: string; labels?: Json; annotations?: Json };
  spec?: {
    hostname?: string;
    volumes?: VolumeSource[];
    containers?: {
      name: string;
      image?: string;
      command?: string[];
      args?: string[];
      workingDir?: string;
      env?: EnvVar[];
      envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[];
      volumeMounts?: { name: string; mountPath: string }[];
    }[];
  };
  status?: { podIP?: string; startTime?: string };
}

/** Reads the ConfigMaps and Secrets a pod refers to (data of Secrets still base64). */
export interface ObjectLookup {
  configMap(namespace: string, name: string): Record<string, string> | undefined;
  secret(namespace: string, name: string): Record<string, string> | undefined;
}

const baseDirs = [
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/tmp',
  '/usr/bin',
  '/usr/local/bin',
  '/var/log',
];
/** What a container may write (its writable layer and volumes together): ENOSPC beyond. */
export const CONTAINER_FS_BYTES = 64 * 1024 * 1024;
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function fieldValue(pod: PodSpecShape, path: string | undefined): string {
  const labels = (o: Json | undefined) =>
    Object.entries(o ?? {})
      .map(([k, v]) => `${k}="${String(v)}"`)
      .join('\n');
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.labels':
      return labels(pod.metadata.labels);
    case 'metadata.annotations':
      return labels(pod.metadata.annotations);
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    default:
      return '';
  }
}

/** Paths the entrypoint creates (`touch f`, `mkdir -p d`, `echo x > f`): they exist at start. */
export function createdPaths(command: readonly string[]): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const words of simpleCommands(commandText(command))) {
    const [exe, ...args] = words;
    const operands = args.filter((a) => !a.startsWith('-') && a.startsWith('/'));
    if (exe === 'touch') files.push(...operands);
    if (exe === 'mkdir') dirs.push(...operands);
  }
  for (const m of commandText(command).matchAll(/>\s*(\/[^\s;&|>"']+)/g))
    files.push(m[1] as string);
  return { files, dirs };
}

function volumeDir(pod: PodSpecShape, v: VolumeSource, lookup: ObjectLookup, now: number): VDir {
  const dir = newDir(now, 0o777);
  const ns = pod.metadata.namespace ?? 'default';
  const fs = new VirtualFs(dir, () => now);
  const put = (path: string, text: string | Buffer) => {
    const parts = path.split('/').filter((p) => p !== '');
    if (parts.length > 1) fs.mkdir(`/${parts.slice(0, -1).join('/')}`, { parents: true });
    fs.writeFile(`/${parts.join('/')}`, Buffer.isBuffer(text) ? text : Buffer.from(text));
  };
  if (v.configMap || v.secret) {
    const data = v.configMap
      ? lookup.configMap(ns, v.configMap.name ?? '')
      : lookup.secret(ns, v.secret?.secretName ?? '');
    const decode = (s: string) => (v.secret ? Buffer.from(s, 'base64') : s);
    const items = v.configMap?.items ?? v.secret?.items;
    for (const [key, value] of Object.entries(data ?? {})) {
      const item = items ? items.find((i) => i.key === key) : { key, path: key };
      if (item) put(item.path, decode(value));
    }
  } else if (v.downwardAPI) {
    for (const item of v.downwardAPI.items ?? [])
      put(item.path, fieldValue(pod, item.fieldRef?.fieldPath));
  } else return dir; // emptyDir and anything else: an empty, writable directory
  dir.readOnly = true;
  return dir;
}

function environment(
  pod: PodSpecShape,
  c: NonNullable<NonNullable<PodSpecShape['spec']>['containers']>[number],
  hostname: string,
  lookup: ObjectLookup,
): Map<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const env = new Map([
    ['PATH', PATH],
    ['HOSTNAME', hostname],
    ['HOME', '/root'],
  ]);
  for (const from of c.envFrom ?? []) {
    const data = from.configMapRef
      ? lookup.configMap(ns, from.configMapRef.name ?? '')
      : lookup.secret(ns, from.secretRef?.name ?? '');
    for (const [k, v] of Object.entries(data ?? {}))
      env.set(k, from.secretRef ? Buffer.from(v, 'base64').toString('utf8') : v);
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom;
    let value = e.value ?? '';
    if (ref?.configMapKeyRef)
      value =
        lookup.configMap(ns, ref.configMapKeyRef.name ?? '')?.[ref.configMapKeyRef.key ?? ''] ?? '';
    if (ref?.secretKeyRef) {
      const raw = lookup.secret(ns, ref.secretKeyRef.name ?? '')?.[ref.secretKeyRef.key ?? ''];
      value = raw === undefined ? '' : Buffer.from(raw, 'base64').toString('utf8');
    }
    if (ref?.fieldRef) value = fieldValue(pod, ref.fieldRef.fieldPath);
    env.set(
      e.name,
      value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env.get(n) ?? m),
    );
  }
  return env;
}

/** Every app container of the pod, keyed by name. */
export function seedPodContainers(
  pod: PodSpecShape,
  lookup: ObjectLookup,
  now: () => number,
): Map<string, ContainerState> {
  const t = now();
  const startedAt = Date.parse(pod.status?.startTime ?? '');
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  const volumes = new Map(
    (pod.spec?.volumes ?? []).map((v) => [v.name, volumeDir(pod, v, lookup, t)] as const),
  );
  const result = new Map<string, ContainerState>();
  for (const c of pod.spec?.containers ?? []) {
    const fs = new VirtualFs(newDir(t), now, CONTAINER_FS_BYTES);
    for (const d of baseDirs) fs.mkdir(d, { parents: true });
    fs.lookup('/tmp')!.mode = 0o1777;
    fs.writeFile('/etc/hostname', Buffer.from(`${hostname}\n`));
    fs.writeFile(
      '/etc/hosts',
      Buffer.from(`127.0.0.1\tlocalhost\n${pod.status?.podIP ?? '127.0.0.1'}\t${hostname}\n`),
    );
    fs.writeFile(
      '/etc/resolv.conf',
      Buffer.from(
        `search ${pod.metadata.namespace ?? 'default'}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.247.3.10\n`,
      ),
    );
    fs.writeFile('/etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/sh\n'));
    const entrypoint = [...(c.command ?? []), ...(c.args ?? [])];
    const created = createdPaths(entrypoint);
    for (const d of created.dirs) fs.mkdir(d, { parents: true });
    for (const f of created.files) {
      fs.mkdir(f.slice(0, f.lastIndexOf('/')) || '/', { parents: true });
      fs.touch(f);
    }
    for (const m of c.volumeMounts ?? []) {
      const dir = volumes.get(m.name);
      if (dir) fs.mount(m.mountPath, dir);
    }
    const workingDir = c.workingDir ?? '/';
    if (!fs.lookup(workingDir)) fs.mkdir(workingDir, { parents: true });
    result.set(c.name, {
      name: c.name,
      fs,
      env: environment(pod, c, hostname, lookup),
      hostname,
      workingDir,
      processes: new ProcessTable(
        entrypoint.length > 0 ? entrypoint.join(' ') : (c.image ?? c.name),
        Number.isNaN(startedAt) ? t : startedAt,
        now,
      ),
      now,
    });
  }
  return result;
}
