import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../apps/web/src/features/metrics/metrics.en.ts';

const t = en.metrics;
type ChartId = keyof typeof t.chart;

/**
 * The Metrics tab of a details page (features/metrics/), found as an operator reads it (English
 * UI): pod charts by their titles, or the top-pods overview of a namespace or deployment. Charts
 * expose what they plot as data attributes (data-points: rows, data-last: newest sample in epoch
 * ms) so tests need not read SVG geometry.
 */
export class MetricsPanel {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly state: Locator;
  readonly overview: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: t.tab, exact: true });
    this.panel = page.getByRole('region', { name: t.panelLabel, exact: true });
    // The notice of a state other than ok (the load error shows only while nothing is drawn).
    this.state = this.panel.getByRole('alert');
    this.overview = page.getByRole('region', {
      name: new RegExp(`^(${t.overview.title}|${t.overview.titleDeployment})$`),
    });
  }

  /** Deep link to an object's details, then its Metrics tab. */
  async open(region: string, namespace: string, plural: string, name: string): Promise<void> {
    await this.page.goto(`/r/${region}/ns/${namespace}/${plural}/${name}`);
    await this.tab.click();
  }

  /** Picks a time range of the pod panel by its visible label ("5 min"). */
  async chooseRange(label: string): Promise<void> {
    await this.panel
      .getByRole('radiogroup', { name: t.rangeLabel, exact: true })
      .getByText(label, { exact: true })
      .click();
  }

  chart(id: ChartId): Locator {
    return this.page.getByRole('figure', { name: t.chart[id], exact: true });
  }

  /** Drawn line paths of a chart (recharts); empty when nothing could be laid out. */
  lines(id: ChartId): Locator {
    return this.chart(id).locator('path.recharts-line-curve');
  }

  async points(id: ChartId): Promise<number> {
    return Number((await this.chart(id).getAttribute('data-points')) ?? '0');
  }

  async lastSampleMs(id: ChartId): Promise<number> {
    return Number((await this.chart(id).getAttribute('data-last')) ?? '0');
  }

  /** The pod panel's state once loaded: ok | metrics-off | not-running | error. */
  async expectState(state: string): Promise<void> {
    await expect(this.panel).toHaveAttribute('data-state', state);
  }

  /** A pod's row in the overview's "By CPU" or "By memory" table, by the pod's link. */
  overviewRow(by: 'cpu' | 'memory', pod: string): Locator {
    const table = this.overview.getByRole('table', {
      name: by === 'cpu' ? t.overview.byCpu : t.overview.byMemory,
      exact: true,
    });
    return table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: pod, exact: true }) });
  }
}
