import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

/** The "Create Deployment" form (/create/deployment): basics, EIP (E4, EIP1-EIP7), snapshot (S3). */
export class WorkloadWizardPage {
  readonly yaml: Locator;
  readonly createButton: Locator;
  readonly snapshotSelect: Locator;

  constructor(readonly page: Page) {
    this.yaml = page.getByTestId(testIds.wizardYaml);
    this.createButton = page.getByTestId(testIds.wizardCreate);
    this.snapshotSelect = page.getByTestId(testIds.wlSnapshotName);
  }

  async openFromList(): Promise<void> {
    await this.page.getByTestId(testIds.createDeployment).click();
    await expect(this.page).toHaveURL(/\/create\/deployment/);
  }

  /** From the snapshot overview: the card's "Create a workload using it" (Available only). */
  async openFromSnapshotCard(snapshot: string): Promise<void> {
    await this.page.getByTestId(`snapshot-use-${snapshot}`).click();
    await expect(this.page).toHaveURL(/\/create\/deployment\?snapshot=/);
  }

  async fillBasics(name: string, image: string, replicas: number): Promise<void> {
    await this.page.getByTestId(testIds.wlName).fill(name);
    await this.page.getByTestId(testIds.wlImage).fill(image);
    await this.page.getByTestId(testIds.wlReplicas).fill(String(replicas));
  }

  /** Mantine Select: open it, then pick the option by its label. */
  private async choose(select: Locator, option: string | RegExp): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async chooseCpu(cpu: string): Promise<void> {
    await this.choose(this.page.getByTestId(testIds.wlCpu), cpu);
  }

  async useEipPool(pool: string): Promise<void> {
    await this.page.getByTestId(testIds.wlEipMode).getByText('From an EIP pool').click();
    await this.choose(this.page.getByTestId(testIds.wlEipPool), pool);
  }

  async waitForEip(): Promise<void> {
    await this.page.getByTestId(testIds.wlWaitEip).check();
  }

  async turnOnAutoMatchToo(): Promise<void> {
    await this.page.getByTestId(testIds.wlSnapshotAuto).check();
  }

  /** The S3 error of the snapshot choice. */
  snapshotError(): Locator {
    return this.page.getByTestId(testIds.wlSnapshotError);
  }

  async create(): Promise<void> {
    await this.createButton.click();
  }
}
