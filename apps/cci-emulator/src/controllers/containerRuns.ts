// What the emulated containers do: how long a container runs before it exits 0, guessed from its
// image and command, since nothing really runs. The Job controller uses podRunDuration too.

export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; name?: string }[];
  readinessProbe?: ProbeSpec;
  lifecycle?: { preStop?: { exec?: { command?: string[] }; httpGet?: unknown } };
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

export interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { port?: number | string; path?: string; scheme?: string };
  tcpSocket?: { port?: number | string };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
}

/** A one-shot command with nothing to wait for (echo, touch, ...) is done within a second. */
export const QUICK_COMMAND_MS = 1000;
/** The seed's Job computes π to 2000 digits with perl (image `perl`, or `pi` in the CronJob). */
export const PI_COMPUTATION_MS = 5000;

const shells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const quickCommands = new Set([
  'echo',
  'printf',
  'true',
  ':',
  'exit',
  'date',
  'hostname',
  'env',
  'pwd',
  'ls',
  'cat',
  'touch',
  'mkdir',
  'cp',
  'mv',
  'rm',
  'ln',
  'chmod',
  'chown',
  'id',
  'whoami',
  'uname',
  'test',
  '[',
]);
const loopPattern =
  /\b(while|until)\b[\s\S]*\bdo\b|\bfor\s+\w+\s+in\b[\s\S]*\bdo\b|\bsleep\s+inf(inity)?\b|\btail\s+-f\b/;
const sleepPattern = /\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)(?![\w.])/g;
const unitMs: Record<string, number> = {
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The command line, with `sh -c "<script>"` unwrapped into its script text. */
export function commandText(words: readonly string[]): string {
  const first = words[0];
  if (first && shells.has(basename(first)) && words[1] === '-c') return words.slice(2).join(' ');
  return words.join(' ');
}

/** The simple commands of a script, split on ; && || | and new lines, as word lists. */
export function simpleCommands(script: string): string[][] {
  return script
    .split(/;|&&|\|\||\||\n/)
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .filter((w) => w !== ''),
    )
    .filter((words) => words.length > 0)
    .map((words) => words.map((w) => w.replace(/^["']|["']$/g, '')));
}

function imageName(image: string | undefined): string {
  const withoutDigest = (image ?? '').split('@')[0] ?? '';
  const lastSegment = basename(withoutDigest);
  return lastSegment.split(':')[0] ?? '';
}

/**
 * Milliseconds a container runs before exiting 0, or undefined when it runs until stopped:
 * the sum of its `sleep N`s; perl / the `pi` image compute for PI_COMPUTATION_MS; other one-shot
 * commands take QUICK_COMMAND_MS; loops, `sleep infinity` and servers (no command) never end.
 */
export function containerRunDuration(container: ContainerSpec): number | undefined {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const image = imageName(container.image);
  if (words.length === 0) return image === 'perl' || image === 'pi' ? PI_COMPUTATION_MS : undefined;
  const script = commandText(words);
  if (loopPattern.test(script)) return undefined;
  let slept = 0;
  for (const match of script.matchAll(sleepPattern)) {
    slept += Number(match[1]) * (unitMs[match[2] ?? ''] ?? 1000);
  }
  if (slept > 0) return slept;
  const executables = simpleCommands(script).map((cmd) => basename(cmd[0] ?? ''));
  if (executables.includes('perl')) return PI_COMPUTATION_MS;
  if (executables.length > 0 && executables.every((e) => quickCommands.has(e)))
    return QUICK_COMMAND_MS;
  return undefined;
}

/** The kubelet's crash back-off before restart n (1-based): 10 s doubling, at most 5 min. */
export function restartBackoffMs(restart: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, restart - 1), 300_000);
}

/**
 * The code a container exits with: the pod annotation `emulator.cci.io/exit-code` when set,
 * else 1 for the command `false`, else N for a shell `exit N` in its command/args, else 0.
 */
export function containerExitCode(container: ContainerSpec, annotated: string | undefined): number {
  if (annotated !== undefined && /^\d+$/.test(annotated)) return Number(annotated);
  const executable = container.command?.[0] ?? '';
  if (executable === 'false' || executable.endsWith('/false')) return 1;
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const exit = /\bexit\s+(\d+)\b/.exec(words.join(' '));
  return exit?.[1] ? Number(exit[1]) : 0;
}

/**
 * How long the pod's app containers run before all exited 0 (the longest of them), or undefined
 * when one of them runs until stopped. The kubelet emulation ends a pod (phase Succeeded) after
 * this only for restartPolicy Never / OnFailure; with Always the kubelet restarts the containers
 * (containerRestarts.ts), so such pods keep running.
 */
export function podRunDuration(pod: object): number | undefined {
  const containers =
    (((pod as { spec?: unknown }).spec ?? {}) as { containers?: ContainerSpec[] }).containers ?? [];
  if (containers.length === 0) return undefined;
  let longest = 0;
  for (const container of containers) {
    const ms = containerRunDuration(container);
    if (ms === undefined) return undefined;
    longest = Math.max(longest, ms);
  }
  return longest;
}
