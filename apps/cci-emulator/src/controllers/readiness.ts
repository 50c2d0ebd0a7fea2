// Readiness of an emulated container (input of rule SV5: Endpoints list only ready pods).
// Rules, since nothing really runs:
// - no readinessProbe: ready as soon as the container started;
// - httpGet / tcpSocket / grpc: ready when the probed port is one of the container's declared
//   containerPorts (by number or name), else "connection refused" for ever;
// - exec: passes only when obviously succeeding: `true`, `:`, `exit 0`, `echo`/`printf`/`date`...,
//   or `ls`/`cat`/`test -e`/`stat`/`head` of paths every image has (/etc/hostname, /tmp, ...) or
//   that the container's own command creates (`touch`, `mkdir`, `> file`). Anything else fails,
//   as the seed's `ls /ready` does on nginx (the file is not in the image). `kubectl exec` cannot
//   create the file later: the emulator runs no containers.
// A passing probe makes the container ready initialDelaySeconds after it started.
import { basename, commandText, simpleCommands, type ContainerSpec } from './containerRuns.ts';

export interface ReadinessVerdict {
  ready: boolean;
  /** After the container started, when the first probe runs. */
  delayMs: number;
  /** What the failed probe reported (the Unhealthy event's message). */
  failure?: string;
}

const pathsInEveryImage = new Set([
  '/',
  '/bin',
  '/bin/sh',
  '/dev',
  '/etc',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/passwd',
  '/etc/resolv.conf',
  '/home',
  '/lib',
  '/proc',
  '/root',
  '/sbin',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/local',
  '/var',
  '/var/log',
]);
const alwaysSucceeding = new Set([
  'true',
  ':',
  'echo',
  'printf',
  'date',
  'hostname',
  'env',
  'pwd',
  'id',
  'whoami',
  'uname',
]);
const fileCheckers = new Set(['ls', 'cat', 'stat', 'head', 'test', '[']);

/** Paths the container's command creates: `touch f`, `mkdir -p d`, `echo x > f`. */
function createdPaths(container: ContainerSpec): Set<string> {
  const script = commandText([...(container.command ?? []), ...(container.args ?? [])]);
  const created = new Set<string>();
  for (const m of script.matchAll(
    /\btouch\s+([^\s;&|]+)|\bmkdir\s+(?:-p\s+)?([^\s;&|]+)|>\s*([^\s;&|>]+)/g,
  )) {
    const path = m[1] ?? m[2] ?? m[3];
    if (path) created.add(path.replace(/^["']|["']$/g, ''));
  }
  return created;
}

function missingFileMessage(exe: string, path: string): string {
  if (exe === 'ls') return `ls: cannot access '${path}': No such file or directory`;
  if (exe === 'test' || exe === '[')
    return `command "test" exited with status 1: ${path} does not exist`;
  return `${exe}: ${path}: No such file or directory`;
}

/** Undefined when the exec probe passes, else what it printed. */
export function execProbeFailure(
  command: readonly string[],
  container: ContainerSpec,
): string | undefined {
  const created = createdPaths(container);
  const exists = (p: string) =>
    pathsInEveryImage.has(p) || created.has(p) || p.startsWith('/proc/');
  const commands = simpleCommands(commandText(command));
  if (commands.length === 0) return 'exec probe has no command';
  for (const words of commands) {
    const exe = basename(words[0] ?? '');
    const args = words.slice(1);
    if (alwaysSucceeding.has(exe)) continue;
    if (exe === 'exit') {
      if ((args[0] ?? '0') === '0') continue;
      return `command exited with status ${args[0] ?? ''}`;
    }
    if (fileCheckers.has(exe)) {
      const missing = args.filter((a) => a.startsWith('/')).find((p) => !exists(p));
      if (missing === undefined) continue;
      return missingFileMessage(exe, missing);
    }
    return `the emulator runs no containers: exec probe "${words.join(' ')}" is treated as failing (only true, exit 0, echo and checks of existing files pass)`;
  }
  return undefined;
}

function declaresPort(container: ContainerSpec, port: number | string | undefined): boolean {
  if (port === undefined) return false;
  return (container.ports ?? []).some((p) =>
    typeof port === 'number' || /^\d+$/.test(port)
      ? p.containerPort === Number(port)
      : p.name === port,
  );
}

export function readinessOf(container: ContainerSpec, podIp: string): ReadinessVerdict {
  const probe = container.readinessProbe;
  if (!probe) return { ready: true, delayMs: 0 };
  const delayMs = Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  if (probe.exec) {
    const failure = execProbeFailure(probe.exec.command ?? [], container);
    return failure === undefined ? { ready: true, delayMs } : { ready: false, delayMs, failure };
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (declaresPort(container, port)) return { ready: true, delayMs };
  const address = `${podIp}:${String(port ?? '')}`;
  const failure = probe.httpGet
    ? `Get "${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${address}${probe.httpGet.path ?? '/'}": dial tcp ${address}: connect: connection refused`
    : `dial tcp ${address}: connect: connection refused`;
  return { ready: false, delayMs, failure };
}
