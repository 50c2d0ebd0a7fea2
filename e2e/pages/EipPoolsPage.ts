import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

/** The EIP pool create form (/create/eippool) and the pool manager (/manage/eippools). */
export class EipPoolsPage {
  constructor(readonly page: Page) {}

  async openCreateFromList(): Promise<void> {
    await this.page.getByTestId(testIds.createEipPool).click();
    await expect(this.page).toHaveURL(/\/create\/eippool/);
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByTestId(testIds.poolName).fill(name);
  }

  async fillAmount(amount: number): Promise<void> {
    await this.page.getByTestId(testIds.poolAmount).fill(String(amount));
  }

  async chooseStatic(): Promise<void> {
    await this.page.getByTestId(testIds.poolMode).getByText('Static', { exact: false }).click();
  }

  async fillAddresses(addresses: string[]): Promise<void> {
    await this.page.getByTestId(testIds.poolEips).fill(addresses.join('\n'));
  }

  async create(): Promise<void> {
    await this.page.getByTestId(testIds.wizardCreate).click();
  }

  card(name: string): Locator {
    return this.page.getByTestId(`pool-${name}`);
  }

  usage(name: string): Locator {
    return this.page.getByTestId(`pool-usage-${name}`);
  }

  capacity(name: string): Locator {
    return this.page.getByTestId(`pool-capacity-${name}`);
  }

  async scale(name: string, amount: number): Promise<void> {
    await this.page.getByTestId(`pool-scale-${name}`).click();
    await this.page.getByTestId(testIds.poolDialogInput).fill(String(amount));
  }

  async submitDialog(): Promise<void> {
    await this.page.getByTestId(testIds.poolDialogSubmit).click();
  }
}
