import type { Locator, Page } from '@playwright/test';
import { rowTestId, testIds } from './testIds.ts';

/** Any resource list: the table, its rows by object name, and the filters above it. */
export class ResourceListPage {
  readonly table: Locator;
  readonly count: Locator;
  readonly nameSearch: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId(testIds.resourceTable);
    this.count = page.getByTestId(testIds.resourceCount);
    this.nameSearch = page.getByTestId(testIds.nameSearch);
  }

  /** Deep link to a list: /r/<region>/ns/<namespace>/<plural>. */
  async goto(region: string, namespace: string, plural: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}`);
  }

  row(name: string): Locator {
    return this.page.getByTestId(rowTestId(name));
  }

  rows(): Locator {
    return this.table.locator('[data-testid^="row-"]');
  }
}
