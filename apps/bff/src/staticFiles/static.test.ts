import { Hono } from 'hono';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '../middleware/onError.ts';
import { memorySessions, recordingUpstream, testDeps } from '../proxy/testkit.ts';
import { staticRoutes } from '../routes/static.ts';
import { precompress } from './precompress.ts';
import { acceptedEncodings } from './staticSite.ts';

let dir: string;
let app: Hono;
const script = `console.log(${JSON.stringify('hello console '.repeat(200))});\n`;
const indexHtml = `<!doctype html><html><body><div id="root"></div>${'<!-- pad -->'.repeat(100)}</body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), indexHtml);
  writeFileSync(join(dir, 'assets', 'index-B3x9_kQz.js'), script);
  writeFileSync(join(dir, 'assets', 'small-AAAAAAAA.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  expect(await precompress(dir)).toBe(4); // index.html and the script, br + gz each
  app = new Hono();
  app.route(
    '/',
    staticRoutes(testDeps(recordingUpstream(), memorySessions(), { STATIC_DIR: dir }), {
      precompressOnStart: false,
    }),
  );
  app.notFound(notFound);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('static files', () => {
  it('precompress writes brotli and gzip variants that decode to the original, once', async () => {
    const file = join(dir, 'assets', 'index-B3x9_kQz.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(existsSync(join(dir, 'assets', 'small-AAAAAAAA.css.br'))).toBe(false);
    expect(await precompress(dir)).toBe(0);
  });

  it('serves hashed assets immutable, brotli first, with Vary', async () => {
    const res = await get('/assets/index-B3x9_kQz.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('chooses gzip or identity as the browser accepts', async () => {
    const gz = await get('/assets/index-B3x9_kQz.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get('/assets/index-B3x9_kQz.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(acceptedEncodings('br;q=0.5, *;q=0')).toEqual(['br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
  });

  it('serves index.html with no-cache, and for client-side routes (SPA fallback)', async () => {
    for (const path of ['/', '/index.html', '/namespaces/default/pods/web.1']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(indexHtml);
    }
  });

  it('answers 404, not the app, for missing assets, /api paths and dotfiles', async () => {
    for (const path of [
      '/assets/missing-12345678.js',
      '/logo.png',
      '/api/unknown',
      '/api',
      '/.env',
      '/assets/%2e%2e/.env',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('<!doctype html>');
    }
  });

  it('revalidates with the ETag and answers HEAD without a body', async () => {
    const first = await get('/index.html', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag') as string;
    const again = await get('/index.html', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const head = await app.request('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(Number(head.headers.get('content-length'))).toBe(indexHtml.length);
  });

  it('ignores a compressed variant older than its file', async () => {
    const file = join(dir, 'index.html');
    const future = new Date(Date.now() + 60_000);
    utimesSync(file, future, future);
    const res = await get('/index.html', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(indexHtml);
    expect(await precompress(dir)).toBe(2);
    const fresh = await get('/index.html', { 'Accept-Encoding': 'br, gzip' });
    expect(fresh.headers.get('content-encoding')).toBe('br');
  });
});
