import { expect, type Locator, type Page } from '@playwright/test';

export interface NetworkValues {
  vpc: string;
  subnet: string;
  networkId: string;
  securityGroup: string;
  cidr?: string;
}

/** The namespace and network wizard (/create/namespace) and its job screen. */
export class NamespaceWizardPage {
  /** The job's progress line; data-step holds its machine state. */
  readonly status: Locator;
  /** Why the network (or the namespace) failed. */
  readonly error: Locator;
  readonly nextButton: Locator;
  readonly subnet: Locator;
  readonly cidr: Locator;
  readonly projectId: Locator;
  readonly domainId: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status').and(page.locator('[data-step]'));
    this.error = page.getByRole('alert').filter({ hasText: /could not be attached|not created/ });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.subnet = page.getByLabel('Subnet ID');
    this.cidr = page.getByLabel('Subnet CIDR');
    this.projectId = page.getByLabel(/^Project ID/);
    this.domainId = page.getByLabel('Account (domain) ID');
  }

  async openFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create namespace' }).click();
    await expect(this.page).toHaveURL(/\/create\/namespace/);
  }

  async next(): Promise<void> {
    await this.nextButton.click();
  }

  async chooseGpu(): Promise<void> {
    await this.page.getByRole('radio', { name: 'GPU accelerated (gpu-accelerated)' }).check();
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  }

  async fillNetwork(values: NetworkValues): Promise<void> {
    await this.page.getByLabel('VPC ID').fill(values.vpc);
    await this.subnet.fill(values.subnet);
    await this.page.getByLabel('Network ID of the subnet').fill(values.networkId);
    await this.page.getByLabel('Default security group ID').fill(values.securityGroup);
    if (values.cidr) await this.cidr.fill(values.cidr);
  }

  yaml(): Locator {
    return this.page.getByRole('region', { name: 'Manifests to send' });
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: /^Create (namespace and )?network$/ }).click();
  }

  /** The "ready" (or "deleted") notice at the end of a job. */
  done(name: string): Locator {
    return this.page.getByText(`Namespace ${name} is ready`);
  }

  async expectStep(step: string, timeout = 30_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-step', step, { timeout });
  }

  async retryNetworkWithSubnet(subnet: string): Promise<void> {
    await this.subnet.fill(subnet);
    await this.page.getByRole('button', { name: 'Retry network' }).click();
  }

  /** The dialog that deletes namespace `name` (opened by the caller). */
  deleteDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete namespace ${name}` });
  }

  /** The typed confirmation of a namespace deletion (dialog opened by the caller). */
  async confirmDelete(name: string): Promise<void> {
    const dialog = this.deleteDialog(name);
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  }
}
