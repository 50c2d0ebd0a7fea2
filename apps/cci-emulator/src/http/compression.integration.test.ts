import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator.ts';
import { GZIP_THRESHOLD_BYTES } from './respond.ts';

let emulator: Emulator;
let token: string;
const ns = 'big-lists';

/** Raw bytes as they came on the wire (fetch would decode them). */
function getRaw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(
      `${emulator.url}${path}`,
      { headers: { Authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      },
    ).on('error', reject);
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, controllers: [] });
  token = emulator.issueToken();
  emulator.store.put('/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  for (let i = 0; i < 200; i++) {
    emulator.store.put('/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}`, namespace: ns },
      data: { text: `line ${i} `.repeat(100) },
    });
  }
});
afterAll(() => emulator.close());

describe('response compression, as the Kubernetes API server', () => {
  const list = `/api/v1/namespaces/${ns}/configmaps`;

  it('gzips an answer over 128 KiB when the client accepts gzip', async () => {
    const plain = await getRaw(list);
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(GZIP_THRESHOLD_BYTES);
    expect(plain.res.headers['content-length']).toBe(String(plain.body.length));
    const gz = await getRaw(list, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gz.res.headers['vary']).toBe('Accept-Encoding');
    expect(gz.body.length).toBeLessThan(plain.body.length / 5);
    const decoded = JSON.parse(gunzipSync(gz.body).toString()) as { items: unknown[] };
    expect(decoded.items).toHaveLength(200);
  });

  it('answers small documents and clients that do not list gzip plainly', async () => {
    const small = await getRaw(`/api/v1/namespaces/${ns}`, { 'Accept-Encoding': 'gzip' });
    expect(small.res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({ kind: 'Namespace' });
    const br = await getRaw(list, { 'Accept-Encoding': 'br' });
    expect(br.res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(br.body.toString())).toHaveProperty('items');
  });

  it('streams watches plainly even when gzip is accepted', async () => {
    const events = await new Promise<{ res: IncomingMessage; first: string }>((resolve, reject) => {
      get(
        `${emulator.url}${list}?watch=true`,
        { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' } },
        (res) => res.once('data', (chunk: Buffer) => resolve({ res, first: chunk.toString() })),
      ).on('error', reject);
    });
    expect(events.res.headers['content-encoding']).toBeUndefined();
    expect(events.first).toContain('"type":"ADDED"');
    events.res.destroy();
  });
});
