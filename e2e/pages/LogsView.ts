import { expect, type Locator, type Page } from '@playwright/test';

/** The Logs tab of a pod's or workload's details page, found by role and visible name. */
export class LogsView {
  readonly tab: Locator;
  readonly output: Locator;
  readonly follow: Locator;
  readonly previous: Locator;
  readonly timestamps: Locator;
  readonly search: Locator;
  readonly nextMatch: Locator;
  readonly download: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Logs' });
    this.output = page.getByRole('log', { name: 'Log output' });
    this.follow = page.getByRole('switch', { name: 'Follow' });
    this.previous = page.getByRole('checkbox', { name: 'Previous instance' });
    this.timestamps = page.getByRole('switch', { name: 'Timestamps' });
    this.search = page.getByRole('textbox', { name: 'Search the log' });
    this.nextMatch = page.getByRole('button', { name: 'Next match' });
    this.download = page.getByRole('link', { name: 'Download' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.output).toBeVisible();
  }

  /** The lines rendered now (the virtualized view holds only those in view). */
  async visibleLines(): Promise<string[]> {
    return this.output.locator('[data-index]').allInnerTexts();
  }

  /** The status text of the search ("1 of 3 matches", "No matches"). */
  matchStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /match/ });
  }
}
