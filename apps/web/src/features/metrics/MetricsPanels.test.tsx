// @vitest-environment jsdom
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { en } from './metrics.en.ts';
import { gpuPod, namespaceTop, twoContainerPod } from './metricsFixtures.ts';
import NamespaceTopPanel from './NamespaceTopPanel.tsx';
import PodMetricsPanel from './PodMetricsPanel.tsx';

type ChartId = keyof typeof en.metrics.chart;
/** A chart, found by its title as the operator reads it. */
const chartName = (id: ChartId) => ({ name: en.metrics.chart[id] });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Answers every request with `body` and records the URLs asked for. */
function stubFetch(body: unknown): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  return urls;
}

describe('PodMetricsPanel', () => {
  it('M3 asks for the default range and fills one chart per metric group', async () => {
    const urls = stubFetch(twoContainerPod());
    renderWithProviders(<PodMetricsPanel region="cn-north-4" namespace="demo" pod="nginx-1" />);
    const cpu = await screen.findByRole('figure', chartName('cpu'));
    expect(urls[0]).toBe('/api/metrics/namespaces/demo/pods/nginx-1?range=900');
    expect(cpu.getAttribute('data-points')).toBe('3');
    expect(screen.getByRole('figure', chartName('network')).getAttribute('data-points')).toBe('3');
    expect(screen.getByRole('figure', chartName('fsIo')).textContent).toContain(
      'No samples in this time range.',
    );
    expect(screen.queryByRole('figure', chartName('gpuDuty'))).toBeNull();
    expect(screen.getByRole('region', { name: 'Pod metrics' }).getAttribute('data-state')).toBe(
      'ok',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    // Two containers: the summed/per-container switch is offered.
    expect(screen.getByRole('radiogroup', { name: 'Containers' })).toBeTruthy();
  });

  it('P3 a GPU pod adds the duty cycle and GPU memory charts (used and total)', async () => {
    const urls = stubFetch(gpuPod());
    renderWithProviders(
      <PodMetricsPanel region="cn-north-4" namespace="gpu-lab" pod="gpu-train-5c7d8e9f0-q1w2e" />,
    );
    const duty = await screen.findByRole('figure', chartName('gpuDuty'));
    expect(urls[0]).toBe(
      '/api/metrics/namespaces/gpu-lab/pods/gpu-train-5c7d8e9f0-q1w2e?range=900',
    );
    expect(duty.getAttribute('data-points')).toBe('3');
    expect(duty.textContent).toContain('GPU duty cycle');
    const memory = screen.getByRole('figure', chartName('gpuMemory'));
    expect(memory.getAttribute('data-points')).toBe('3');
    expect(memory.textContent).toContain('GPU memory');
    // One container: no per-container switch; the CPU chart is still there.
    expect(screen.getByRole('figure', chartName('cpu')).getAttribute('data-points')).toBe('3');
    expect(screen.queryByRole('radiogroup', { name: 'Containers' })).toBeNull();
  });

  it('M1 a pod with metrics off explains the annotation and draws no charts', async () => {
    stubFetch(twoContainerPod({ state: 'metrics-off', series: [], lastScrapeMs: undefined }));
    renderWithProviders(<PodMetricsPanel region="cn-north-4" namespace="demo" pod="redis-1" />);
    const notice = await screen.findByRole('alert', { name: en.metrics.state.offTitle });
    expect(notice.textContent).toContain('Metrics are off for this pod');
    expect(notice.textContent).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
    expect(notice.textContent).toContain('monitoring.cci.io/enable-pod-metrics: "false"');
    expect(notice.textContent).toContain('monitoring.cci.io/enable-pod-metrics: "true"');
    expect(notice.textContent).toContain('monitoring.cci.io/metrics-port: "19100"');
    expect(screen.queryByRole('figure', chartName('cpu'))).toBeNull();
  });

  it('a failed scrape keeps the earlier samples and says why', async () => {
    stubFetch(twoContainerPod({ state: 'error', message: 'connection refused' }));
    renderWithProviders(<PodMetricsPanel region="cn-north-4" namespace="demo" pod="p" />);
    const notice = await screen.findByRole('alert', { name: en.metrics.state.errorTitle });
    expect(notice.textContent).toContain('connection refused');
    expect(screen.getByRole('figure', chartName('cpu')).getAttribute('data-points')).toBe('3');
  });
});

describe('NamespaceTopPanel', () => {
  async function renderTop(podFilter?: (pod: string) => boolean) {
    stubFetch(namespaceTop());
    const router = createRouter({
      routeTree: createRootRoute({
        component: () => <NamespaceTopPanel region="r1" namespace="demo" podFilter={podFilter} />,
      }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    renderWithProviders(<RouterProvider router={router} />);
    await waitFor(() => expect(screen.getAllByRole('img').length).toBeGreaterThan(0));
  }

  it('lists top pods by CPU and memory with values against limits and sparklines', async () => {
    await renderTop();
    const byCpu = screen.getByRole('table', { name: 'By CPU' });
    const nginx = within(byCpu).getByRole('row', { name: /^nginx-7d9f8c6b5-x2k4p/ });
    expect(nginx.textContent).toContain('250m of 500m');
    expect(within(nginx).getByRole('link').getAttribute('href')).toBe(
      '/r/r1/ns/demo/pods/nginx-7d9f8c6b5-x2k4p',
    );
    expect(within(nginx).getByRole('img').getAttribute('data-points')).toBe('2');
    const byMemory = screen.getByRole('table', { name: 'By memory' });
    expect(
      within(byMemory).getByRole('row', { name: /^log-demo-5f6d7c8b9-abcde/ }).textContent,
    ).toContain('128 MiB');
    expect(screen.getByText(/1 with metrics off/)).toBeTruthy();
  });

  it('narrows to one deployment’s pods', async () => {
    await renderTop((pod) => pod.startsWith('nginx-'));
    const byCpu = screen.getByRole('table', { name: 'By CPU' });
    expect(within(byCpu).queryByRole('link', { name: 'log-demo-5f6d7c8b9-abcde' })).toBeNull();
    expect(within(byCpu).getByRole('link', { name: 'nginx-7d9f8c6b5-x2k4p' })).toBeTruthy();
  });
});
