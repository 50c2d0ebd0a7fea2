import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

/** The details screen of any object: tabs, related objects, events, raw YAML/JSON. */
export class DetailsPage {
  readonly title: Locator;
  readonly related: Locator;
  readonly annotations: Locator;
  readonly conditions: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId(testIds.detailsTitle);
    this.related = page.getByTestId(testIds.detailsRelated);
    this.annotations = page.getByTestId(testIds.detailsAnnotations);
    this.conditions = page.getByTestId(testIds.detailsConditions);
    this.events = page.getByTestId(testIds.detailsEvents);
  }

  async goto(region: string, namespace: string, plural: string, name: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}/${name}`);
    await expect(this.title).toHaveText(name);
  }

  /** One row of the related objects (relOwner, relReplicaSets, relPods, relEip, ...). */
  relatedGroup(id: string): Locator {
    return this.page.getByTestId(`related-group-${id}`);
  }

  /** Links to related objects of a kind inside a group. */
  relatedLinks(id: string, plural: string): Locator {
    return this.relatedGroup(id).locator(`[data-testid^="related-${plural}-"]`);
  }

  async openTab(tab: 'overview' | 'events' | 'raw'): Promise<void> {
    const ids = {
      overview: testIds.detailsTabOverview,
      events: testIds.detailsTabEvents,
      raw: testIds.detailsTabRaw,
    };
    await this.page.getByTestId(ids[tab]).click();
  }
}
