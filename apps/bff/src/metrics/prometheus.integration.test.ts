import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  startMetricsHarness,
  type MetricsHarness,
} from './integration.testkit.ts';
import {
  eventually,
  startPrometheus,
  type PrometheusProcess,
} from './prometheusProcess.testkit.ts';

const ns = 'prom-it';
let h: MetricsHarness;
let prometheus: PrometheusProcess | undefined;

beforeAll(async () => {
  h = await startMetricsHarness({ clock: 'real' });
  expect((await h.kube('POST', '/api/v1/namespaces', namespaceManifest(ns))).status).toBe(201);
  await h.createRunningPod(ns, 'web', { 'monitoring.cci.io/metrics-port': '19100' });
  await h.createRunningPod(ns, 'quiet', { 'monitoring.cci.io/enable-pod-metrics': 'false' });
});
afterAll(async () => {
  await prometheus?.stop();
  await h?.close();
});

describe('a real Prometheus takes over through the BFF service discovery', () => {
  it('M3: discovers the exporters over http_sd with an SD token and ingests cAdvisor samples', async () => {
    const cookie = await h.signIn('demo');
    const created = await h.send('POST', '/api/metrics/sd-tokens', { cookie });
    const { token, sdPathTemplate } = JSON.parse(created.body) as {
      token: string;
      sdPathTemplate: string;
    };
    // Prometheus' own CCI credential: a token the emulator's IAM issued to it, not the session's.
    const cciToken = h.emulator.issueToken();

    prometheus = await startPrometheus((dir) => {
      writeFileSync(join(dir, 'sd-token'), token, { mode: 0o600 });
      writeFileSync(join(dir, 'cci-token'), cciToken, { mode: 0o600 });
      return [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        'scrape_configs:',
        '  - job_name: cci-pods',
        '    authorization:',
        '      type: Bearer',
        `      credentials_file: ${join(dir, 'cci-token')}`,
        '    tls_config:',
        `      ca_file: ${h.caFile}`,
        '    http_sd_configs:',
        `      - url: ${h.origin}${sdPathTemplate.replace('{namespace}', ns)}`,
        '        refresh_interval: 1s',
        // Prometheus 2.42 omits the default "Bearer" type in http_sd_configs: spell it out.
        '        authorization:',
        '          type: Bearer',
        `          credentials_file: ${join(dir, 'sd-token')}`,
        '',
      ].join('\n');
    });

    const series = await eventually(async () => {
      const r = await prometheus?.query(
        'container_cpu_usage_seconds_total{container="container-0"}',
      );
      return r && r.length > 0 ? r : undefined;
    });
    expect(
      series,
      `no samples; targets: ${JSON.stringify(await prometheus.targets())}\n${prometheus.output()}`,
    ).toBeDefined();
    expect(series?.[0]?.metric).toMatchObject({ job: 'cci-pods', pod: 'web', namespace: ns });
    const targets = await prometheus.targets();
    // Only the pod with metrics on (M1) is a target, and it is scraped successfully.
    expect(targets.map((t) => [t.labels['pod'], t.health])).toEqual([['web', 'up']]);
    const families = await prometheus.query(
      'count(count by (__name__) ({job="cci-pods",__name__=~"container_.*"}))',
    );
    expect(Number(families[0]?.value[1])).toBeGreaterThanOrEqual(50);
  });
});
