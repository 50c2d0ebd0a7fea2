import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../apps/web/src/features/details/details.en.ts';

type GroupId = keyof typeof en.objectDetails & `rel${string}`;
type Tab = 'overview' | 'events' | 'raw';
const tabNames: Record<Tab, string> = {
  overview: 'Overview',
  events: en.objectDetails.events,
  raw: en.objectDetails.yaml,
};

/**
 * The details screen of any object, found as an operator reads it (English UI): the title
 * heading, the tabs by name, tables by their column headers, related objects by the group's label.
 */
export class DetailsPage {
  readonly title: Locator;
  readonly annotations: Locator;
  readonly conditions: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 3 });
    this.annotations = this.tableWithColumn(en.objectDetails.annotationMeaning);
    this.conditions = this.tableWithColumn(en.objectDetails.conditionTime);
    this.events = this.tableWithColumn(en.objectDetails.eventSource);
  }

  private tableWithColumn(header: string): Locator {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: header, exact: true }) });
  }

  async goto(region: string, namespace: string, plural: string, name: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}/${name}`);
    await expect(this.title).toHaveText(name);
  }

  /** One row of the related objects, by its label (relOwner: "Owner", relPods: "Pods", ...). */
  relatedGroup(id: GroupId): Locator {
    const label = this.page.getByRole('rowheader', { name: en.objectDetails[id], exact: true });
    return this.page.getByRole('row').filter({ has: label });
  }

  /** Links to related objects of a kind inside a group. */
  relatedLinks(id: GroupId, plural: string): Locator {
    return this.relatedGroup(id)
      .getByRole('link')
      .and(this.page.locator(`[href*="/${plural}/"]`));
  }

  /** The annotations table's row of one key. */
  annotation(key: string): Locator {
    return this.annotations.getByRole('row').filter({ hasText: key });
  }

  async openTab(tab: Tab): Promise<void> {
    await this.page.getByRole('tab', { name: tabNames[tab], exact: true }).click();
  }

  /** A tab's panel (named by its tab). */
  tabPanel(tab: Tab): Locator {
    return this.page.getByRole('tabpanel', { name: tabNames[tab], exact: true });
  }
}
