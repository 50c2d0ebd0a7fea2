import { Agent, request } from 'node:http';

/**
 * Fires `total` GETs with `concurrency` in flight over keep-alive connections and returns each
 * request's latency in ms. `url` may vary per request (e.g. walking list pages).
 */
export async function load(
  url: string | ((i: number) => string),
  headers: Record<string, string>,
  total: number,
  concurrency: number,
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let issued = 0;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const target = typeof url === 'string' ? url : url(i);
      const req = request(target, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${target} answered ${res.statusCode}`));
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
  const worker = async () => {
    while (issued < total) await one(issued++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return latencies;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
