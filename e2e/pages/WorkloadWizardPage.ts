import { expect, type Locator, type Page } from '@playwright/test';

/** The "Create Deployment" form (/create/deployment): basics, EIP (E4, EIP1-EIP7), snapshot (S3). */
export class WorkloadWizardPage {
  readonly yaml: Locator;
  readonly createButton: Locator;
  readonly snapshotSelect: Locator;
  readonly autoMatchToo: Locator;
  /** CCI's refusal of the Deployment (the form stays, nothing was created). */
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.yaml = page.getByRole('region', { name: 'Deployment to create' });
    this.createButton = page.getByRole('button', { name: 'Create', exact: true });
    this.snapshotSelect = page.getByRole('combobox', { name: 'Snapshot', exact: true });
    this.autoMatchToo = page.getByRole('checkbox', { name: 'Also turn on auto-match' });
    this.refusal = page.getByRole('alert').filter({ hasText: 'CCI refused the Deployment' });
  }

  async openFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create Deployment' }).click();
    await expect(this.page).toHaveURL(/\/create\/deployment/);
  }

  /** From the snapshot overview: the card's "Create a workload using it" (Available only). */
  useSnapshotLink(snapshot: string): Locator {
    return this.page
      .getByRole('article', { name: snapshot, exact: true })
      .getByRole('link', { name: 'Create a workload using it' });
  }

  async openFromSnapshotCard(snapshot: string): Promise<void> {
    await this.useSnapshotLink(snapshot).click();
    await expect(this.page).toHaveURL(/\/create\/deployment\?snapshot=/);
  }

  async fillBasics(name: string, image: string, replicas: number): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.page.getByRole('textbox', { name: 'Image', exact: true }).fill(image);
    await this.page.getByLabel('Replicas', { exact: true }).fill(String(replicas));
  }

  /** Mantine Select: open it, then pick the option by its label. */
  private async choose(select: Locator, option: string | RegExp): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async chooseCpu(cpu: string): Promise<void> {
    await this.choose(this.page.getByRole('combobox', { name: 'CPU (request = limit)' }), cpu);
  }

  /** One of the EIP choices: 'None', 'From an EIP pool', 'Created with the pod', 'Existing EIP'. */
  async chooseEipMode(mode: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Public IP (EIP)' })
      .getByText(mode, { exact: true })
      .click();
  }

  /** One of the snapshot choices: 'None', 'Auto-match', 'A specified snapshot'. */
  async chooseSnapshotMode(mode: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Image snapshot' })
      .getByText(mode, { exact: true })
      .click();
  }

  async useEipPool(pool: string): Promise<void> {
    await this.chooseEipMode('From an EIP pool');
    await this.choose(this.page.getByRole('combobox', { name: 'EIP pool', exact: true }), pool);
  }

  async fillEipId(id: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'EIP ID', exact: true }).fill(id);
  }

  async waitForEip(): Promise<void> {
    await this.page
      .getByRole('checkbox', { name: 'Wait for the EIP before the app starts' })
      .check();
  }

  async turnOnAutoMatchToo(): Promise<void> {
    await this.autoMatchToo.check();
  }

  /** The S3 error of the snapshot choice (announced as an alert under the select). */
  snapshotError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /conflict/ });
  }

  async create(): Promise<void> {
    await this.createButton.click();
  }
}
