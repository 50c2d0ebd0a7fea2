// Real kubectl against the emulator on a manual clock: a container that exits is restarted by
// the emulated kubelet (restartCount, lastState, CrashLoopBackOff), and `kubectl logs --previous`
// reads the instance before the restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { namespaceManifest, networkManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import type { PodView } from './pods.testkit.ts';
import { createPodController } from './pods.ts';

let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'restarts-kubectl';

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual', controllers: [createPodController()] });
  kubectl = kubectlFor(emulator, ns);
  for (const manifest of [namespaceManifest(ns), networkManifest('net')]) {
    expect((await kubectl.run(['create', '-f', '-'], JSON.stringify(manifest))).code).toBe(0);
  }
});
afterAll(() => emulator.close());

type Status = NonNullable<PodView['status']['containerStatuses']>[number] & {
  lastState: { terminated?: { exitCode: number; reason: string; finishedAt: string } };
};

async function createPod(name: string, restartPolicy: string, script: string): Promise<void> {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy,
      containers: [{ name, image: 'busybox', command: ['sh', '-c', script] }],
    },
  };
  const r = await kubectl.run(['create', '-f', '-'], JSON.stringify(pod));
  expect(r.code, r.stderr).toBe(0);
}

async function podOf(name: string): Promise<{ phase: string; container: Status }> {
  const r = await kubectl.run(['get', 'pod', name, '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const status = (JSON.parse(r.stdout) as PodView).status;
  return { phase: status.phase ?? '', container: status.containerStatuses?.[0] as Status };
}

describe('the emulated kubelet restarts exited containers (kubectl logs --previous)', () => {
  it('restarts a crashing container with restartCount, lastState and a back-off', async () => {
    await createPod('crash', 'Always', 'echo starting; exit 3');
    await emulator.advance(3500); // scheduled, pulled at +1 s, started at +3 s, exits at +4 s
    const first = await kubectl.run(['logs', 'crash', '--previous']);
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain(
      'previous terminated container "crash" in pod "crash" not found',
    );
    const current = await kubectl.run(['logs', 'crash']);
    expect(current.stdout).toContain('starting busybox (container crash)');

    await emulator.advance(500);
    const crashed = await podOf('crash');
    expect(crashed.phase).toBe('Running');
    expect(crashed.container.restartCount).toBe(1);
    expect(crashed.container.state['waiting']).toMatchObject({ reason: 'CrashLoopBackOff' });
    expect(crashed.container.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    const previous = await kubectl.run(['logs', 'crash', '--previous']);
    expect(previous.code, previous.stderr).toBe(0);
    expect(previous.stdout).toContain('starting busybox (container crash)');
    for (const stamp of previous.stdout.match(/^\S+/gm) ?? [])
      expect(Date.parse(stamp)).toBeLessThanOrEqual(
        Date.parse(crashed.container.lastState.terminated?.finishedAt ?? ''),
      );

    await emulator.advance(10_000); // the 10 s back-off: running again
    const restarted = await podOf('crash');
    expect(restarted.container.restartCount).toBe(1);
    expect(restarted.container.state['running']).toBeDefined();
    expect(restarted.container.lastState.terminated?.exitCode).toBe(3);
    const describe = await kubectl.run(['describe', 'pod', 'crash']);
    expect(describe.stdout).toMatch(/Back-off restarting failed container crash/);
    expect(describe.stdout).toMatch(/Restart Count:\s+1/);

    await emulator.advance(1000); // the second crash doubles the back-off
    const again = await podOf('crash');
    expect(again.container.restartCount).toBe(2);
    expect(JSON.stringify(again.container.state['waiting'])).toContain('back-off 20s');
    const get = await kubectl.run(['get', 'pod', 'crash']);
    expect(get.stdout).toMatch(/crash\s+0\/1\s+CrashLoopBackOff\s+2 \(/);
  });

  it('kubectl logs -f ends when the container exits, after every line it printed', async () => {
    await createPod('follow', 'Always', 'sleep 2; exit 1');
    await emulator.advance(3500); // running since +3 s, exits at +5 s
    const follow = kubectl.spawnLong(['logs', '-f', 'follow']);
    try {
      await follow.waitFor(/worker started/, 10_000);
      const ended = new Promise<number | null>((resolve) => follow.child.on('exit', resolve));
      await emulator.advance(1500);
      expect(await ended).toBe(0);
      const previous = await kubectl.run(['logs', 'follow', '--previous']);
      expect(previous.code, previous.stderr).toBe(0);
      // The same instance: its log read afterwards (cut at finishedAt, whole seconds) is a
      // prefix of what the follow printed.
      const followed = await follow.waitFor(/worker started/, 1000);
      expect(previous.stdout).toContain('worker started');
      expect(followed.startsWith(previous.stdout)).toBe(true);
    } finally {
      follow.stop();
    }
  });

  it('restarts under OnFailure only after a failure; Never ends the pod Failed', async () => {
    await createPod('fails', 'OnFailure', 'exit 1');
    await createPod('done', 'OnFailure', 'echo done');
    await createPod('once', 'Never', 'exit 2');
    await emulator.advance(4000);
    expect((await podOf('fails')).container.restartCount).toBe(1);
    const done = await podOf('done');
    expect(done.phase).toBe('Succeeded');
    expect(done.container.restartCount).toBe(0);
    const once = await podOf('once');
    expect(once.phase).toBe('Failed');
    expect(once.container.state['terminated']).toMatchObject({ exitCode: 2, reason: 'Error' });
    const none = await kubectl.run(['logs', 'once', '--previous']);
    expect(none.stderr).toContain('previous terminated container "once" in pod "once" not found');
  });
});
