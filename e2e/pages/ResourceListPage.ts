import type { Locator, Page } from '@playwright/test';
import { rowTestId } from './testIds.ts';

/** Any resource list: the table, its rows by object name, and the filters above it. */
export class ResourceListPage {
  readonly table: Locator;
  readonly nameSearch: Locator;
  readonly labelFilter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table');
    this.nameSearch = page.getByRole('textbox', { name: 'Search by name' });
    this.labelFilter = page.getByRole('textbox', { name: 'Label selector' });
  }

  /** Deep link to a list: /r/<region>/ns/<namespace>/<plural>. */
  async goto(region: string, namespace: string, plural: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}`);
  }

  /**
   * A row by metadata.name. Rows keep a test id: a table row has no name of its own, and the
   * object's name is one cell among several (a pod list also shows its node's name...).
   */
  row(name: string): Locator {
    return this.page.getByTestId(rowTestId(name));
  }

  rows(): Locator {
    return this.table.locator('[data-testid^="row-"]');
  }
}
