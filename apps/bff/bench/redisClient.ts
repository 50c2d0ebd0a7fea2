/**
 * The Redis client, chosen by measurement (issue #19): node-redis (`redis`) against `ioredis`
 * on the same redis-server (Debian's, a free loopback port), rounds alternating so drift hits
 * both alike. Per client: sequential GET and SET round trips (1 KiB values, the size of an
 * encrypted session), a pipeline of 100 SETs, and publish-to-message latency over pub/sub
 * (what a sign-out broadcast costs). Figures are medians and p99 in microseconds, and the
 * ratio ioredis / node-redis (below 1: ioredis faster).
 * Run alone: `npx tsx bench/redisClient.ts` in apps/bff; `bench/run.ts` runs it too.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { startRedisServer } from '../src/redis/redisServer.testkit.ts';
import { percentile } from './load.ts';

const ROUNDS = 4;
const OPS = 2_000;
const PIPELINES = 100;
const MESSAGES = 500;
const VALUE = randomBytes(768).toString('base64'); // 1 KiB

interface Ops {
  name: string;
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  pipeline(keys: string[]): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

async function nodeRedis(url: string): Promise<Ops> {
  const client = createClient({ url });
  const sub = client.duplicate();
  await Promise.all([client.connect(), sub.connect()]);
  return {
    name: 'node-redis',
    get: (k) => client.get(k),
    set: (k, v) => client.set(k, v),
    pipeline: (keys) => {
      const multi = client.multi();
      for (const k of keys) multi.set(k, VALUE);
      return multi.execAsPipeline();
    },
    publish: (ch, m) => client.publish(ch, m),
    subscribe: (ch, on) => sub.subscribe(ch, on),
    close: async () => {
      await Promise.all([client.close(), sub.close()]);
    },
  };
}

async function ioRedis(url: string): Promise<Ops> {
  const client = new Redis(url);
  const sub = new Redis(url);
  return {
    name: 'ioredis',
    get: (k) => client.get(k),
    set: (k, v) => client.set(k, v),
    pipeline: (keys) => {
      const pipe = client.pipeline();
      for (const k of keys) pipe.set(k, VALUE);
      return pipe.exec();
    },
    publish: (ch, m) => client.publish(ch, m),
    subscribe: async (ch, on) => {
      sub.on('message', (_c: string, m: string) => on(m));
      await sub.subscribe(ch);
    },
    close: async () => {
      client.disconnect();
      sub.disconnect();
    },
  };
}

type Figures = Record<'get' | 'set' | 'pipeline100' | 'pubsub', number[]>;

async function timed(samples: number[], op: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await op();
  samples.push((performance.now() - t0) * 1000);
}

async function round(ops: Ops, into: Figures): Promise<void> {
  for (let i = 0; i < OPS; i++) await timed(into.set, () => ops.set(`bench:${i % 100}`, VALUE));
  for (let i = 0; i < OPS; i++) await timed(into.get, () => ops.get(`bench:${i % 100}`));
  const keys = Array.from({ length: 100 }, (_, i) => `bench:p:${i}`);
  for (let i = 0; i < PIPELINES; i++) await timed(into.pipeline100, () => ops.pipeline(keys));
  let arrived: (() => void) | undefined;
  const channel = `bench:${ops.name}`;
  await ops.subscribe(channel, () => arrived?.());
  for (let i = 0; i < MESSAGES; i++) {
    const t0 = performance.now();
    const got = new Promise<void>((resolve) => (arrived = resolve));
    await ops.publish(channel, 'x');
    await got;
    into.pubsub.push((performance.now() - t0) * 1000);
  }
}

export async function runRedisClientBench(): Promise<void> {
  const server = await startRedisServer();
  const clients = [await nodeRedis(server.url), await ioRedis(server.url)];
  const figures = new Map<string, Figures>(
    clients.map((c) => [c.name, { get: [], set: [], pipeline100: [], pubsub: [] }]),
  );
  try {
    for (const c of clients) await round(c, { get: [], set: [], pipeline100: [], pubsub: [] }); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? clients : [...clients].reverse();
      for (const c of order) await round(c, figures.get(c.name) as Figures);
    }
  } finally {
    for (const c of clients) await c.close();
    await server.stop();
  }
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`\nRedis client (redis-server 7, loopback; load average ${load})`);
  const node = figures.get('node-redis') as Figures;
  const io = figures.get('ioredis') as Figures;
  for (const op of ['get', 'set', 'pipeline100', 'pubsub'] as const) {
    const [n50, i50] = [percentile(node[op], 50), percentile(io[op], 50)];
    const [n99, i99] = [percentile(node[op], 99), percentile(io[op], 99)];
    console.log(
      `  ${op.padEnd(12)} node-redis p50 ${n50.toFixed(0)} µs p99 ${n99.toFixed(0)} µs | ` +
        `ioredis p50 ${i50.toFixed(0)} µs p99 ${i99.toFixed(0)} µs | ioredis/node-redis p50 ${(i50 / n50).toFixed(2)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runRedisClientBench();
