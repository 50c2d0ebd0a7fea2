import { expect, type Locator, type Page } from '@playwright/test';
import { metricsChartTestId, testIds } from '../../apps/web/src/testids.ts';

/**
 * The Metrics tab of a details page (features/metrics/): pod charts, or the top-pods overview of
 * a namespace or deployment. Charts expose what they plot as data attributes (data-points: rows,
 * data-last: newest sample in epoch ms) so tests need not read SVG geometry.
 */
export class MetricsPanel {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly state: Locator;
  readonly overview: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId(testIds.detailsTabMetrics);
    this.panel = page.getByTestId(testIds.metricsPanel);
    this.state = page.getByTestId(testIds.metricsState);
    this.overview = page.getByTestId(testIds.metricsOverview);
  }

  /** Deep link to an object's details, then its Metrics tab. */
  async open(region: string, namespace: string, plural: string, name: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}/${name}`);
    await this.tab.click();
  }

  chart(id: string): Locator {
    return this.page.getByTestId(metricsChartTestId(id));
  }

  /** Drawn line paths of a chart (recharts); empty when nothing could be laid out. */
  lines(id: string): Locator {
    return this.chart(id).locator('path.recharts-line-curve');
  }

  async points(id: string): Promise<number> {
    return Number((await this.chart(id).getAttribute('data-points')) ?? '0');
  }

  async lastSampleMs(id: string): Promise<number> {
    return Number((await this.chart(id).getAttribute('data-last')) ?? '0');
  }

  /** The pod panel's state once loaded: ok | metrics-off | not-running | error. */
  async expectState(state: string): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-state', state);
  }

  overviewRow(by: 'cpu' | 'memory', pod: string): Locator {
    return this.overview.getByTestId(`${by}-${pod}`);
  }
}
