import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

export interface NetworkValues {
  vpc: string;
  subnet: string;
  networkId: string;
  securityGroup: string;
  cidr?: string;
}

/** The namespace and network wizard (/create/namespace) and its job screen. */
export class NamespaceWizardPage {
  readonly status: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId(testIds.jobStatus);
    this.error = page.getByTestId(testIds.jobError);
  }

  async openFromList(): Promise<void> {
    await this.page.getByTestId(testIds.createNamespace).click();
    await expect(this.page).toHaveURL(/\/create\/namespace/);
  }

  async next(): Promise<void> {
    await this.page.getByTestId(testIds.wizardNext).click();
  }

  async chooseGpu(): Promise<void> {
    await this.page.getByTestId(testIds.nsFlavorGpu).check();
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByTestId(testIds.nsName).fill(name);
  }

  async fillNetwork(values: NetworkValues): Promise<void> {
    await this.page.getByTestId(testIds.netVpc).fill(values.vpc);
    await this.page.getByTestId(testIds.netSubnet).fill(values.subnet);
    await this.page.getByTestId(testIds.netNetworkId).fill(values.networkId);
    await this.page.getByTestId(testIds.netSecurityGroup).fill(values.securityGroup);
    if (values.cidr) await this.page.getByTestId(testIds.netCidr).fill(values.cidr);
  }

  yaml(): Locator {
    return this.page.getByTestId(testIds.wizardYaml);
  }

  async create(): Promise<void> {
    await this.page.getByTestId(testIds.wizardCreate).click();
  }

  async expectStep(step: string, timeout = 30_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-step', step, { timeout });
  }

  async retryNetworkWithSubnet(subnet: string): Promise<void> {
    await this.page.getByTestId(testIds.netSubnet).fill(subnet);
    await this.page.getByTestId(testIds.jobRetryNetwork).click();
  }

  /** The typed confirmation of a namespace deletion (dialog opened by the caller). */
  async confirmDelete(name: string): Promise<void> {
    await this.page.getByTestId(testIds.deleteConfirmName).fill(name);
    await this.page.getByTestId(testIds.deleteConfirm).click();
  }
}
