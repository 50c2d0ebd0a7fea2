import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

/** The image snapshot create form (/create/imagesnapshot) and overview (/manage/imagesnapshots). */
export class SnapshotsPage {
  constructor(readonly page: Page) {}

  async openCreateFromList(): Promise<void> {
    await this.page.getByTestId(testIds.createSnapshot).click();
    await expect(this.page).toHaveURL(/\/create\/imagesnapshot/);
  }

  async fillName(name: string): Promise<void> {
    await this.page.getByTestId(testIds.snapshotName).fill(name);
  }

  async fillImage(index: number, image: string): Promise<void> {
    await this.page.getByTestId(`snapshot-image-${index}`).fill(image);
  }

  async addRegistry(index: number, server: string, user: string, password: string): Promise<void> {
    await this.page.getByTestId(testIds.snapshotAddRegistry).click();
    await this.page.getByTestId(`snapshot-registry-server-${index}`).fill(server);
    await this.page.getByTestId(`snapshot-registry-user-${index}`).fill(user);
    await this.page.getByTestId(`snapshot-registry-password-${index}`).fill(password);
  }

  card(name: string): Locator {
    return this.page.getByTestId(`snapshot-card-${name}`);
  }
}
