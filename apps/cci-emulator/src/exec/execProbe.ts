// Exec probes (readiness, P10 / SV5) run in the container's own shell over its virtual
// filesystem, so `kubectl exec POD -- touch /ready` is what makes `ls /ready` pass.
import { seedPodContainers } from './containerFs.ts';
import type { ContainerState } from './containerState.ts';
import { Shell } from './shell.ts';

/** Undefined when the probe passes (exit 0), else what the kubelet reports: the output. */
export function runExecProbe(
  container: ContainerState,
  command: readonly string[],
): string | undefined {
  const output: Buffer[] = [];
  const status = new Shell(container).exec([...command], {
    stdin: () => Buffer.alloc(0),
    stdout: (c) => output.push(c),
    stderr: (c) => output.push(c),
  });
  if (status instanceof Promise) {
    // A probe that waits (sleep) outlives its one-second timeout.
    status.catch(() => {});
    return `command "${command.join(' ')}" timed out`;
  }
  if (status === 0) return undefined;
  const text = Buffer.concat(output).toString('utf8').trim();
  return text !== '' ? text : `command "${command.join(' ')}" exited with ${status}`;
}

/**
 * The probe against a fresh container of this spec alone (no volumes, nothing exec'd yet): what
 * the first probe of a new container sees.
 */
export function freshContainerProbe(container: {
  name: string;
  command?: string[];
  args?: string[];
}): (command: readonly string[]) => string | undefined {
  return (command) => {
    const pod = { metadata: { name: 'pod' }, spec: { containers: [container] } };
    const none = { configMap: () => undefined, secret: () => undefined };
    const state = seedPodContainers(pod, none, () => Date.now()).get(container.name);
    return state ? runExecProbe(state, command) : 'container not found';
  };
}
