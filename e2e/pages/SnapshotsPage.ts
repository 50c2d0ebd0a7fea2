import { expect, type Locator, type Page } from '@playwright/test';

/** The image snapshot create form (/create/imagesnapshot) and overview (/manage/imagesnapshots). */
export class SnapshotsPage {
  readonly createButton: Locator;
  /** The manifest to send (the password masked). */
  readonly yaml: Locator;

  constructor(readonly page: Page) {
    this.createButton = page.getByRole('button', { name: 'Create snapshot' });
    this.yaml = page.getByRole('region', { name: 'Manifest to send (password masked)' });
  }

  async openCreateFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Create snapshot' }).click();
    await expect(this.page).toHaveURL(/\/create\/imagesnapshot/);
  }

  async openOverviewFromList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Snapshot overview' }).click();
    await expect(this.page).toHaveURL(/\/manage\/imagesnapshots/);
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  }

  async fillImage(index: number, image: string): Promise<void> {
    await this.page.getByLabel(`Image ${index + 1}`, { exact: true }).fill(image);
  }

  /** The `index`-th registry's server input (registries are listed in order). */
  registryServer(index: number): Locator {
    return this.page.getByLabel('Server', { exact: true }).nth(index);
  }

  async addRegistry(index: number, server: string, user: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add registry' }).click();
    await this.registryServer(index).fill(server);
    await this.page.getByLabel('User', { exact: true }).nth(index).fill(user);
    await this.page.getByLabel('Password', { exact: true }).nth(index).fill(password);
  }

  /** A snapshot's card in the overview, named by the snapshot; data-phase holds its phase. */
  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  async delete(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Delete' }).click();
    await this.page
      .getByRole('dialog', { name: `Delete snapshot ${name}` })
      .getByRole('button', { name: 'Delete' })
      .click();
  }
}
