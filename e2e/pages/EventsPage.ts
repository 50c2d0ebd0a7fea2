import type { Locator, Page } from '@playwright/test';

/** The namespace's Events list: its table, filters and the sidebar's Warning badge. */
export class EventsPage {
  readonly table: Locator;
  readonly warningBadge: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Events' });
    this.warningBadge = page
      .getByRole('navigation')
      .getByRole('status', { name: /^\d+ Warning events?$/ });
  }

  /** Shows only one type: 'All', 'Normal' or 'Warning'. */
  async showType(type: 'All' | 'Normal' | 'Warning'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Type' })
      .getByText(type, { exact: true })
      .click();
  }

  async filterObject(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Filter by object (Kind/name)' }).fill(text);
  }

  /** Table rows whose text contains all of `texts`. */
  rows(...texts: string[]): Locator {
    let rows = this.table.getByRole('row');
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }
}
