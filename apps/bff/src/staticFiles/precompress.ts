import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, stat, utimes } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/** Text-like files worth compressing; images and fonts are compressed already. */
export const compressibleExtensions = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.wasm',
  '.webmanifest',
]);

export const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Variants carry their source's mtime, which utimes keeps only to about a millisecond. */
export function isCurrentVariant(variantMtimeMs: number, sourceMtimeMs: number): boolean {
  return variantMtimeMs + 1 >= sourceMtimeMs;
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

function compressor(encoding: 'br' | 'gzip', size: number) {
  return encoding === 'br'
    ? createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      })
    : createGzip({ level: constants.Z_BEST_COMPRESSION });
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file of `dir` (at least `minBytes`
 * long) whose variants are missing or older than it, at maximum compression, so serving never
 * compresses. Run at startup or as a build step; returns how many variants were written.
 */
export async function precompress(
  dir: string,
  options: { minBytes?: number } = {},
): Promise<number> {
  const minBytes = options.minBytes ?? 1024;
  let written = 0;
  for await (const path of files(dir)) {
    if (!compressibleExtensions.has(extname(path))) continue;
    const source = await stat(path);
    if (source.size < minBytes) continue;
    for (const { name, suffix } of encodings) {
      const target = path + suffix;
      const existing = await mtimeOf(target);
      if (existing !== undefined && isCurrentVariant(existing, source.mtimeMs)) continue;
      const partial = `${target}.${process.pid}.tmp`;
      await pipeline(
        createReadStream(path),
        compressor(name, source.size),
        createWriteStream(partial),
      );
      // The variant carries its source's mtime: "variant not older than source" means current.
      await utimes(partial, source.atime, source.mtime);
      await rename(partial, target);
      written++;
    }
  }
  return written;
}
