import { expect, test } from '@playwright/test';
import { DetailsPage } from '../pages/DetailsPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';

test('D2 deployment details show its ReplicaSet and pods; a pod shows its owner, events and YAML', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('deployments');
  const list = new ResourceListPage(page);
  await list.row('nginx').getByRole('link', { name: 'nginx', exact: true }).click();

  const details = new DetailsPage(page);
  await expect(details.title).toHaveText('nginx');
  await expect(details.relatedLinks('relReplicaSets', 'replicasets')).toHaveCount(1);
  await expect(details.relatedLinks('relPods', 'pods')).toHaveCount(2);
  await expect(details.conditions).toContainText('Available');
  // The ConfigMap, Secret-free volume claim and ConfigMap env of the demo template.
  await expect(details.relatedGroup('relConfig')).toContainText('app-config');

  const pod = details.relatedLinks('relPods', 'pods').first();
  const podName = (await pod.textContent()) ?? '';
  expect(podName).toMatch(/^nginx-[a-z0-9]+-[a-z0-9]{5}$/);
  await pod.click();
  await expect(details.title).toHaveText(podName);
  await expect(page).toHaveURL(new RegExp(`/pods/${podName}$`));
  await expect(details.relatedLinks('relOwner', 'replicasets')).toHaveCount(1);

  await details.openTab('events');
  await expect(details.events).toContainText('Scheduled');

  await details.openTab('raw');
  await page.getByText('JSON', { exact: true }).click();
  await expect(details.tabPanel('raw')).toContainText(`"name": "${podName}"`);
});

test('E4 a pod drawing from an EIP pool shows its EIP in the list and details, with the annotation explained', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'deployments', 'web-eip');
  const pod = details.relatedLinks('relPods', 'pods').first();
  const podName = (await pod.textContent()) ?? '';
  await pod.click();
  await expect(details.title).toHaveText(podName);

  const eip = details.relatedGroup('relEip');
  await expect(eip).toHaveText(/\d+\.\d+\.\d+\.\d+/);
  const address = /\d+\.\d+\.\d+\.\d+/.exec((await eip.textContent()) ?? '')?.[0] ?? '';
  await expect(details.relatedLinks('relEipPool', 'eippools')).toHaveCount(1);
  const row = details.annotation('yangtse.io/allocated-ipv4-eip');
  await expect(row).toContainText('The EIP address bound to the pod');
  await expect(row).not.toContainText(/\bE4\b/);
  await expect(row).toContainText(address);

  // The pods list has an EIP column with the same address.
  const list = new ResourceListPage(page);
  await list.goto('cn-north-4', 'demo', 'pods');
  await expect(list.row(podName)).toContainText(address);
});

test('SV5 service details show its Endpoints with ready addresses; N4 a namespace its Network', async ({
  page,
}) => {
  await signInToDemoNamespace(page);
  const details = new DetailsPage(page);
  await details.goto('cn-north-4', 'demo', 'services', 'nginx');
  await expect(details.relatedLinks('relEndpoints', 'endpoints')).toHaveCount(1);
  await expect(details.relatedGroup('relEndpoints')).toContainText(/ready address(es)?:/);
  await expect(details.relatedLinks('relPods', 'pods')).toHaveCount(2);

  // Endpoints are no sidebar kind, yet their details open from the link.
  await details.relatedLinks('relEndpoints', 'endpoints').click();
  await expect(details.title).toHaveText('nginx');
  await expect(page).toHaveURL(/\/endpoints\/nginx$/);

  await details.goto('cn-north-4', 'demo', 'namespaces', 'demo');
  await expect(details.relatedLinks('relNetworks', 'networks')).toHaveCount(1);
  await expect(details.annotation('namespace.kubernetes.io/flavor')).toContainText(
    'Namespace type',
  );
});
