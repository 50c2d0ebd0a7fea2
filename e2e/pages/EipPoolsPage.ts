import { expect, type Locator, type Page } from '@playwright/test';

/** The EIP pool create form (/create/eippool) and the pool manager (/manage/eippools). */
export class EipPoolsPage {
  readonly createButton: Locator;
  readonly yaml: Locator;
  /** CCI's refusal of static addresses (a server dry run as the user types). */
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.createButton = page.getByRole('button', { name: 'Create pool' });
    this.yaml = page.getByRole('region', { name: 'Manifest to send' });
    this.refusal = page.getByRole('alert').filter({ hasText: 'CCI refuses these addresses' });
  }

  async openCreateFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create EIP pool' }).click();
    await expect(this.page).toHaveURL(/\/create\/eippool/);
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  }

  async fillAmount(amount: number): Promise<void> {
    await this.page.getByLabel('Number of EIPs (amount)').fill(String(amount));
  }

  async chooseStatic(): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Pool type' })
      .getByText('Static', { exact: false })
      .click();
  }

  async fillAddresses(addresses: string[]): Promise<void> {
    await this.page.getByLabel('EIP addresses').fill(addresses.join('\n'));
  }

  async create(): Promise<void> {
    await this.createButton.click();
  }

  /** A pool's card in the manager, named by the pool. */
  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  /** The "used/total" EIPs next to the card's meter. */
  usage(name: string): Locator {
    return this.card(name).getByText(/^\d+\/\d+$/);
  }

  /** E8 warning: a rolling update can run out of the pool's EIPs. */
  capacityShort(name: string): Locator {
    return this.card(name)
      .getByRole('alert')
      .filter({ hasText: 'a rolling update can run out of EIPs' });
  }

  /** E8 all clear: rolling updates fit in the pool. */
  capacityOk(name: string): Locator {
    return this.card(name).getByText(/^Rolling updates fit/);
  }

  async scale(name: string, amount: number): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Scale' }).click();
    await this.dialog().getByLabel('Number of EIPs (amount)').fill(String(amount));
  }

  async openDelete(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Delete' }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The dialog's action button (Scale / Save / Delete). */
  dialogSubmit(): Locator {
    return this.dialog().getByRole('button', { name: /^(Scale|Save|Delete)$/ });
  }

  async submitDialog(): Promise<void> {
    await this.dialogSubmit().click();
  }
}
