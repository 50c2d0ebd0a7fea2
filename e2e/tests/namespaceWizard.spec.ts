import { expect, test, type Page } from '@playwright/test';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { DEMO } from '../pages/LoginPage.ts';
import { NamespaceWizardPage, type NetworkValues } from '../pages/NamespaceWizardPage.ts';
import { ResourceListPage } from '../pages/ResourceListPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';
import { emulatorApi } from '../support/emulatorApi.ts';

const network: NetworkValues = {
  vpc: 'vpc-e2e',
  subnet: 'subnet-e2e',
  networkId: 'net-e2e',
  securityGroup: 'sg-e2e',
};
// Each test signs in, runs two creations and waits for controllers: generous on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

async function startWizard(page: Page, name: string, subnet: string) {
  const frame = await signInToDemoNamespace(page);
  await frame.open('namespaces');
  const wizard = new NamespaceWizardPage(page);
  await wizard.openFromList();
  await wizard.chooseGpu();
  await wizard.next();
  await wizard.fillName('demo');
  await expect(page.getByText('already exists in this region')).toBeVisible();
  await wizard.fillName(name);
  await wizard.next();
  // N5: the project and domain ids come from the session.
  const who = (await (await page.request.get('/api/session')).json()) as {
    domainId: string;
    project: { id: string };
  };
  expect(who.domainId).not.toBe('');
  await expect(wizard.projectId).toHaveValue(who.project.id);
  await expect(wizard.domainId).toHaveValue(who.domainId);
  await wizard.fillNetwork({ ...network, subnet, cidr: '10.247.1.0/24' });
  // N6: the Service range is explained and only accepted after an explicit confirmation.
  await expect(
    page.getByRole('alert', { name: 'The subnet overlaps the Service range' }),
  ).toBeVisible();
  await expect(wizard.nextButton).toBeDisabled();
  await wizard.cidr.fill('192.168.10.0/24');
  await wizard.next();
  await expect(wizard.yaml()).toContainText('namespace.kubernetes.io/flavor: gpu-accelerated');
  await expect(wizard.yaml()).toContainText(`subnetID: ${subnet}`);
  await wizard.create();
  return wizard;
}

test('N1 N4 N5 the namespace wizard creates namespace then network, until Active and normal', async ({
  page,
}) => {
  const name = unique('wiz');
  const wizard = await startWizard(page, name, network.subnet);
  await wizard.expectStep('done');
  await expect(wizard.done(name)).toBeVisible();

  await page.getByRole('link', { name: `Open ${name}` }).click();
  const list = new ResourceListPage(page);
  await new ConsoleFrame(page).nav('namespaces').click();
  await expect(list.row(name)).toContainText('gpu-accelerated');
  await expect(list.row(name)).not.toContainText(/abnormal/i);
});

test('N4 a failed network keeps the namespace; a reload resumes; retry network succeeds', async ({
  page,
}) => {
  const name = unique('wizfail');
  const wizard = await startWizard(page, name, 'fail-missing');
  await wizard.expectStep('networkFailed');
  await expect(wizard.error).toContainText('SubnetNotFound');
  await expect(wizard.error).toContainText(`${name} was created and stays`);

  await page.reload();
  await wizard.expectStep('networkFailed');

  await wizard.retryNetworkWithSubnet('subnet-fixed');
  await wizard.expectStep('done');
});

test('N4 a failed network can be undone by deleting the namespace (typed confirmation)', async ({
  page,
}) => {
  const name = unique('wizdel');
  const wizard = await startWizard(page, name, 'fail-again');
  await wizard.expectStep('networkFailed');
  await page.getByRole('button', { name: 'Delete namespace' }).click();
  const dialog = wizard.deleteDialog(name);
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('list', { name: `What ${name} holds` })).toContainText(
    `${name}-network`,
  );
  await wizard.confirmDelete(name);
  await wizard.expectStep('deleted');
});

test('N4 an abnormal namespace (no network) gets its network straight from the list', async ({
  page,
}) => {
  const name = unique('bare');
  const api = await emulatorApi(DEMO);
  const created = await api.post('/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' } },
  });
  expect(created.status, created.body).toBe(201);

  const frame = await signInToDemoNamespace(page);
  await frame.open('namespaces');
  await page.getByRole('link', { name: `Create network for ${name}` }).click();
  const wizard = new NamespaceWizardPage(page);
  await wizard.fillNetwork(network);
  await wizard.next();
  await expect(wizard.yaml()).toContainText(`namespace: ${name}`);
  await expect(wizard.yaml()).not.toContainText('kind: Namespace');
  await wizard.create();
  await wizard.expectStep('done');
});
