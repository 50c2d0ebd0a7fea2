import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SecureContext } from 'node:tls';

export interface LoadResult {
  latencies: number[];
  seconds: number;
  /** Answers that came with Content-Encoding: gzip or br (the body is not decoded). */
  encoded: number;
  /** Body bytes received, as sent on the wire. */
  bytes: number;
}

/**
 * Fires `total` GETs with `concurrency` in flight over keep-alive connections; returns each
 * request's latency in ms and the wall time of the whole run. An https URL is trusted through
 * `secureContext` (the emulator's CA).
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
  secureContext?: SecureContext,
): Promise<LoadResult> {
  const https = url.startsWith('https:');
  const agent = https
    ? new HttpsAgent({
        keepAlive: true,
        maxSockets: concurrency,
        ...(secureContext ? { secureContext } : {}),
      })
    : new HttpAgent({ keepAlive: true, maxSockets: concurrency });
  const send = https ? httpsRequest : httpRequest;
  const latencies: number[] = [];
  let encoded = 0;
  let bytes = 0;
  let issued = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = send(url, { agent, headers }, (res) => {
        if (res.headers['content-encoding']) encoded++;
        let text = '';
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (res.statusCode !== 200) text += chunk.toString();
        });
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`${url} answered ${res.statusCode}: ${text}`));
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      // Say which target failed: the bench loads several in turn.
      req.on('error', (error) => reject(new Error(`${url}: ${error.message}`)));
      req.end();
    });
  const worker = async () => {
    while (issued < total) {
      issued++;
      await one();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, seconds, encoded, bytes };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
