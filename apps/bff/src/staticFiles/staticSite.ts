import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { compressibleExtensions, encodings, isCurrentVariant } from './precompress.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Vite-style content-hashed names: /assets/index-B3x9_kQz.js. Safe to cache forever. */
const hashedAsset = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export interface StaticRequest {
  method: 'GET' | 'HEAD';
  path: string;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
}

/** Encodings the browser accepts (q > 0), in the server's order of preference. */
export function acceptedEncodings(header: string | undefined): string[] {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(token);
  }
  return encodings.map((e) => e.name).filter((n) => accepted.has(n) || accepted.has('*'));
}

async function regularFile(
  path: string,
  root: string,
): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const real = await realpath(path);
    if (!real.startsWith(root + sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built SPA: files under `root` (no dotfiles, nothing outside it), precompressed variants
 * chosen by Accept-Encoding, and index.html for any other path (client-side routes).
 */
export class StaticSite {
  private constructor(private readonly root: string) {}

  static async open(dir: string): Promise<StaticSite> {
    return new StaticSite(await realpath(dir));
  }

  async respond(req: StaticRequest): Promise<Response | undefined> {
    const segments = req.path.split('/').filter((s) => s !== '');
    if (segments.some((s) => s.startsWith('.') || /[\\%\0]/.test(s))) return undefined;
    const file = join(this.root, ...segments);
    if (segments.length > 0 && (await regularFile(file, this.root)))
      return this.send(req, req.path, file);
    // Client-side routes get the app; a missing asset is a 404, never HTML in its place.
    const last = segments.at(-1) ?? '';
    if (req.path.startsWith('/assets/') || extname(last) in contentTypes) return undefined;
    const index = join(this.root, 'index.html');
    if (!(await regularFile(index, this.root))) return undefined;
    return this.send(req, '/index.html', index);
  }

  private async send(req: StaticRequest, path: string, file: string): Promise<Response> {
    const ext = extname(file);
    const headers = new Headers({
      'Content-Type': contentTypes[ext] ?? 'application/octet-stream',
      'Cache-Control': hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    let served = file;
    let info = (await stat(file)) as { size: number; mtimeMs: number };
    if (compressibleExtensions.has(ext)) {
      headers.set('Vary', 'Accept-Encoding');
      for (const name of acceptedEncodings(req.acceptEncoding)) {
        const variant = file + (encodings.find((e) => e.name === name)?.suffix ?? '');
        const variantInfo = await regularFile(variant, this.root);
        if (variantInfo && isCurrentVariant(variantInfo.mtimeMs, info.mtimeMs)) {
          headers.set('Content-Encoding', name);
          served = variant;
          info = variantInfo;
          break;
        }
      }
    }
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    headers.set('ETag', etag);
    if (req.ifNoneMatch?.split(',').some((t) => t.trim() === etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set('Content-Length', String(info.size));
    if (req.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(served)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  }
}
