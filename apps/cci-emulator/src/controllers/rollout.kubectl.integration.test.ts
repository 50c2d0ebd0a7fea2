// Real kubectl against the emulator on a real clock: `kubectl rollout status|history|undo` work
// from the revision annotations and status the Deployment controller writes (D4, D5, D6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { seedFixturePath } from '../../test/seedManifests.ts';
import { namespaceManifest, networkManifest } from '../../test/support/testEmulator.ts';
import { startEmulator, type Emulator } from '../emulator.ts';
import { createDeploymentController } from './deployments.ts';
import { createPodController } from './pods.ts';
import { createReplicaSetController } from './replicasets.ts';

let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;
const ns = 'rollout-kubectl';

beforeAll(async () => {
  emulator = await startEmulator({
    clock: 'real',
    controllers: [
      createPodController(),
      createReplicaSetController(),
      createDeploymentController(),
    ],
  });
  kubectl = kubectlFor(emulator, ns);
  expect(
    (await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest(ns)))).code,
  ).toBe(0);
  expect(
    (await kubectl.run(['create', '-f', '-'], JSON.stringify(networkManifest('net')))).code,
  ).toBe(0);
});
afterAll(() => emulator.close());

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  annotations: { kubernetes.io/change-cause: "first release" }
spec:
  replicas: 2
  selector: { matchLabels: { app: nginx } }
  template:
    metadata: { labels: { app: nginx } }
    spec:
      containers:
        - name: container-0
          image: nginx:latest
`;

async function rolledOut(): Promise<void> {
  // Real time would do (3s per pod start); jumping the clock keeps the test short.
  await emulator.advance(10_000);
  const r = await kubectl.run(['rollout', 'status', 'deployment/nginx', '--timeout=40s']);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/deployment "nginx" successfully rolled out/);
}

function historyRevisions(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^\d+\s/.test(l))
    .map((l) => l.trim().replace(/\s+/, ' '));
}

describe('kubectl rollout against the emulator (D4, D5)', () => {
  it('D5: rollout status, history and undo re-use the previous ReplicaSet with a new revision', async () => {
    expect((await kubectl.run(['create', '-f', '-'], deployment)).stdout.trim()).toBe(
      'deployment.apps/nginx created',
    );
    await rolledOut();
    const set = await kubectl.run(['set', 'image', 'deployment/nginx', 'container-0=nginx:alpine']);
    expect(set.stdout.trim()).toBe('deployment.apps/nginx image updated');
    await kubectl.run([
      'annotate',
      'deployment/nginx',
      'kubernetes.io/change-cause=switch to alpine',
      '--overwrite',
    ]);
    await rolledOut();

    const history = await kubectl.run(['rollout', 'history', 'deployment/nginx']);
    expect(history.stderr).toBe('');
    expect(historyRevisions(history.stdout)).toEqual(['1 first release', '2 switch to alpine']);

    const rsBefore = await kubectl.run([
      'get',
      'rs',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.spec.template.spec.containers[0].image}{"\\n"}{end}',
    ]);
    const firstRs = rsBefore.stdout
      .split('\n')
      .find((l) => l.endsWith('=nginx:latest'))
      ?.split('=')[0];
    expect(firstRs).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]+$/);

    const undo = await kubectl.run(['rollout', 'undo', 'deployment/nginx']);
    expect(undo.stderr).toBe('');
    expect(undo.stdout.trim()).toBe('deployment.apps/nginx rolled back');
    await rolledOut();

    const image = await kubectl.run([
      'get',
      'deploy',
      'nginx',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ]);
    expect(image.stdout).toBe('nginx:latest');
    const rsAfter = await kubectl.run([
      'get',
      'rs',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.spec.replicas}={.metadata.annotations.deployment\\.kubernetes\\.io/revision}{"\\n"}{end}',
    ]);
    const lines = rsAfter.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`${firstRs}=2=3`);
    expect(
      historyRevisions((await kubectl.run(['rollout', 'history', 'deployment/nginx'])).stdout),
    ).toEqual(['2 switch to alpine', '3 first release']);

    const got = await kubectl.run(['get', 'deployment', 'nginx']);
    expect(got.stdout).toMatch(/^nginx\s+2\/2\s+2\s+2\s+/m);
  });

  it('D5: undo --to-revision=1 of the guide Deployment (1024Mi) re-uses its first ReplicaSet', async () => {
    const guide = 'rollout-guide';
    const inGuide = (args: string[], input?: string) => kubectl.run([...args, '-n', guide], input);
    expect(
      (await kubectl.run(['create', '-f', '-'], JSON.stringify(namespaceManifest(guide)))).code,
    ).toBe(0);
    expect(
      (await inGuide(['create', '-f', '-'], JSON.stringify(networkManifest('net')))).code,
    ).toBe(0);
    const claim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'cci-sfs-test' },
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: '10Gi' } },
        storageClassName: 'nfs-rw',
      },
    };
    expect((await inGuide(['create', '-f', '-'], JSON.stringify(claim))).code).toBe(0);
    const created = await inGuide(['create', '-f', seedFixturePath('06-01-deployment-nginx.yaml')]);
    expect(created.stderr).toBe('');
    const roll = async () => {
      await emulator.advance(10_000);
      const r = await inGuide(['rollout', 'status', 'deployment/nginx', '--timeout=40s']);
      expect(r.stdout).toMatch(/successfully rolled out/);
    };
    await roll();

    // Read back as from Kubernetes: defaults filled in, 1024Mi written as 1Gi.
    const stored = JSON.parse((await inGuide(['get', 'deploy', 'nginx', '-o', 'json'])).stdout) as {
      spec: Record<string, unknown> & {
        template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } };
      };
    };
    expect(stored.spec).toMatchObject({
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
    });
    expect(stored.spec.template.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    });
    expect(stored.spec.template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      resources: {
        limits: { cpu: '500m', memory: '1Gi' },
        requests: { cpu: '500m', memory: '1Gi' },
      },
    });

    const firstRs = (await inGuide(['get', 'rs', '-o', 'jsonpath={.items[0].metadata.name}']))
      .stdout;
    expect(firstRs).toMatch(/^nginx-/);
    expect(
      (await inGuide(['set', 'image', 'deployment/nginx', 'container-0=nginx:alpine'])).code,
    ).toBe(0);
    await roll();
    const undo = await inGuide(['rollout', 'undo', 'deployment/nginx', '--to-revision=1']);
    expect(undo.stderr).toBe('');
    await roll();
    const sets = await inGuide([
      'get',
      'rs',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.spec.replicas}={.metadata.annotations.deployment\\.kubernetes\\.io/revision}{"\\n"}{end}',
    ]);
    const lines = sets.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines).toContain(`${firstRs}=2=3`);
  });
});
