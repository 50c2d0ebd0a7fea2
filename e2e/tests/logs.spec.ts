import { expect, test, type Page } from '@playwright/test';
import { ActionsDialogs } from '../pages/ActionsDialogs.ts';
import { DetailsPage } from '../pages/DetailsPage.ts';
import { LogsView } from '../pages/LogsView.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

const REGION = 'cn-north-4';

// Emulated nginx writes an access line every few seconds of real time; waits are line counts.
test.describe.configure({ timeout: 120_000 });

async function podsOf(deployment: string, label = 'app'): Promise<string[]> {
  const api = await emulatorApi(DEMO);
  const r = await api.get(`/api/v1/namespaces/demo/pods?labelSelector=${label}%3D${deployment}`);
  const items = (JSON.parse(r.body) as { items: { metadata: { name: string } }[] }).items;
  return items.map((p) => p.metadata.name).sort();
}

async function openLogs(page: Page, plural: string, name: string): Promise<LogsView> {
  await signInToDemoNamespace(page);
  await new DetailsPage(page).goto(REGION, 'demo', plural, name);
  const logs = new LogsView(page);
  await logs.open();
  await expect(logs.output.locator('[data-index]').first()).toBeVisible({ timeout: 30_000 });
  return logs;
}

test('following a pod log shows a new line as it is written', async ({ page }) => {
  const [pod] = await podsOf('nginx');
  const logs = await openLogs(page, 'pods', pod as string);
  await expect(logs.follow).toBeChecked();
  const last = async () => (await logs.visibleLines()).at(-1) ?? '';
  const before = await last();
  await expect.poll(last, { timeout: 60_000 }).not.toBe(before);
});

test('search highlights matches and steps through them', async ({ page }) => {
  const [pod] = await podsOf('nginx');
  const logs = await openLogs(page, 'pods', pod as string);
  await logs.follow.click(); // a still log: matches do not move
  await logs.search.fill('GET');
  await expect(logs.matchStatus()).toHaveText(/^1 of \d+ match/);
  await expect(logs.output.locator('mark').first()).toHaveText(/get/i);
  await logs.nextMatch.click();
  await expect(logs.matchStatus()).toHaveText(/^2 of \d+ match/);
  await logs.search.fill('no-such-text-in-any-line');
  await expect(logs.matchStatus()).toHaveText('No matches');
});

test('download saves the whole log from the server as a file', async ({ page }) => {
  const [pod] = await podsOf('nginx');
  const logs = await openLogs(page, 'pods', pod as string);
  const [download] = await Promise.all([page.waitForEvent('download'), logs.download.click()]);
  expect(download.suggestedFilename()).toBe(`${pod}-container-0.log`);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(text.split('\n').length).toBeGreaterThan(5);
});

test('workload logs interleave both replicas of a Deployment, each line with its pod', async ({
  page,
}) => {
  const pods = await podsOf('nginx');
  expect(pods).toHaveLength(2);
  const logs = await openLogs(page, 'deployments', 'nginx');
  await expect(page.getByText('2 pods')).toBeVisible();
  for (const pod of pods) {
    await expect(logs.output.getByText(pod, { exact: true }).first()).toBeVisible({
      timeout: 30_000,
    });
  }
});

test('"Logs" in the Actions menu of a Deployment, a Job and a ReplicaSet opens their pods\' logs', async ({
  page,
}) => {
  const api = await emulatorApi(DEMO);
  const sets = JSON.parse(
    (await api.get('/apis/apps/v1/namespaces/demo/replicasets?labelSelector=app%3Dnginx')).body,
  ) as { items: { metadata: { name: string }; status?: { replicas?: number } }[] };
  const replicaSet = sets.items.find((r) => (r.status?.replicas ?? 0) > 0)?.metadata.name;
  expect(replicaSet).toBeDefined();
  const nginxPods = await podsOf('nginx');
  const targets: [string, string, string[]][] = [
    ['deployments', 'nginx', nginxPods],
    ['jobs', 'pi', await podsOf('pi', 'job-name')],
    ['replicasets', replicaSet as string, nginxPods],
  ];
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  const logs = new LogsView(page);
  for (const [plural, name, pods] of targets) {
    expect(pods.length, `${plural}/${name} has pods`).toBeGreaterThan(0);
    await details.goto(REGION, 'demo', plural, name);
    await new ActionsDialogs(page).fromMenu('logs');
    await expect(logs.tab).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/[?&]tab=logs/);
    await expect(logs.output.getByText(pods[0] as string, { exact: true }).first()).toBeVisible({
      timeout: 30_000,
    });
  }
});

// A container that exits is restarted by the emulated kubelet (restartPolicy Always, the
// default): the test only waits for the restart the pod reports, then reads the instance before.
test('the previous instance of a restarted container shows its log', async ({ page }) => {
  const api = await emulatorApi(DEMO);
  const name = `restarted-${Date.now().toString(36)}`;
  const created = await api.post('/api/v1/namespaces/demo/pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'] }],
    },
  });
  expect(created.status, created.body).toBe(201);
  type Terminated = { exitCode: number; finishedAt: string };
  const lastTerminated = async () => {
    const pod = JSON.parse((await api.get(`/api/v1/namespaces/demo/pods/${name}`)).body) as {
      status?: { containerStatuses?: { lastState?: { terminated?: Terminated } }[] };
    };
    return pod.status?.containerStatuses?.[0]?.lastState?.terminated;
  };
  await expect.poll(lastTerminated, { timeout: 60_000 }).toMatchObject({ exitCode: 1 });
  const previousEnd = ((await lastTerminated()) as Terminated).finishedAt;
  try {
    await signInToDemoNamespace(page);
    await new DetailsPage(page).goto(REGION, 'demo', 'pods', name);
    const logs = new LogsView(page);
    await logs.open();
    await logs.previous.click();
    await expect(logs.output.getByText(/starting busybox \(container app\)/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/could not be read/)).toHaveCount(0);
    // Every line is from the instance before the restart: written before it ended.
    await logs.timestamps.click();
    const latest = async () => {
      const stamps = (await logs.visibleLines()).map((l) =>
        Date.parse(/^\d{4}-[\d-]+T[\d:.]+Z/.exec(l)?.[0] ?? ''),
      );
      return stamps.length > 0 && stamps.every(Number.isFinite) ? Math.max(...stamps) : NaN;
    };
    await expect.poll(latest).toBeLessThanOrEqual(Date.parse(previousEnd));
  } finally {
    await api.delete(`/api/v1/namespaces/demo/pods/${name}`);
  }
});

test('a pod that starts while following workload logs joins the stream', async ({ page }) => {
  const api = await emulatorApi(DEMO);
  const name = `joiner-${Date.now().toString(36)}`;
  const size = { cpu: '250m', memory: '512Mi' };
  const created = await api.post('/apis/apps/v1/namespaces/demo/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'container-0',
              image: 'busybox',
              command: ['sh', '-c', 'while true; do sleep 5; done'],
              resources: { limits: size, requests: size },
            },
          ],
          imagePullSecrets: [{ name: 'imagepull-secret' }],
        },
      },
    },
  });
  expect(created.status, created.body).toBe(201);
  try {
    await expect.poll(() => podsOf(name), { timeout: 30_000 }).toHaveLength(2);
    const logs = await openLogs(page, 'deployments', name);
    await expect(page.getByText('2 pods')).toBeVisible();
    const first = await podsOf(name);
    const scaled = await api.mergePatch(`/apis/apps/v1/namespaces/demo/deployments/${name}`, {
      spec: { replicas: 3 },
    });
    expect(scaled.status, scaled.body).toBe(200);
    await expect.poll(() => podsOf(name), { timeout: 30_000 }).toHaveLength(3);
    const [joined] = (await podsOf(name)).filter((p) => !first.includes(p));
    await expect(page.getByText('3 pods')).toBeVisible({ timeout: 30_000 });
    // Its startup lines come once its container runs, with its name as their prefix.
    await expect(logs.output.getByText(joined as string, { exact: true }).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(logs.follow).toBeChecked();
  } finally {
    await api.delete(`/apis/apps/v1/namespaces/demo/deployments/${name}`);
  }
});
