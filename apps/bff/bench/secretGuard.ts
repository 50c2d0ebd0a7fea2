/**
 * The secret check of relayed bodies alone (`src/upstream/secretGuard.ts`), in this process:
 * the same upstream chunks relayed through the adapter's chain without the check (what the BFF
 * did before) and with it, rounds alternating, CPU time per body (thread-pool time included:
 * inflating runs there). Bodies as the proxy bench relays them: a 100-pod list (47 KiB) and a
 * 3,000-pod list (1.4 MiB) plain in 16 KiB chunks (TLS records), and the 3,000-pod list as the
 * emulator gzips it, relayed as it came (the check inflates a copy).
 * Run alone: `npx tsx bench/secretGuard.ts` in apps/bff; `bench/run.ts` runs it too.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { PassThrough, Readable, Writable, type Transform } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { guardedChain, type RelayGuard } from '../src/upstream/secretGuard.ts';
import { ownCpuMs } from './processes.ts';

const ROUNDS = 4;
/**
 * Like the emulator's token ("MII" + base64url, ~150 bytes; an IAM token is a few KiB of base64,
 * and the longer the needle, the faster the search): random, as a repetitive one would make the
 * search look faster or slower than it is.
 */
const TOKEN = `MII${randomBytes(110).toString('base64url')}`;

function podList(pods: number): Buffer {
  const items = Array.from({ length: pods }, (_, i) => ({
    metadata: {
      name: `bench-${i}`,
      namespace: 'bench',
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      labels: { app: `app-${i % 10}` },
      annotations: { 'kubernetes.io/psp': 'restricted', note: `pod ${i} of the bench list` },
    },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'nginx:1.25',
          resources: { limits: { cpu: '500m', memory: '1Gi' } },
        },
      ],
    },
    status: {
      phase: 'Running',
      podIP: `10.0.${i >> 8}.${i & 255}`,
      startTime: new Date(i * 1000).toISOString(),
    },
  }));
  return Buffer.from(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items }));
}

const chunked = (bytes: Buffer) =>
  Array.from({ length: Math.ceil(bytes.length / 16_384) }, (_, i) =>
    bytes.subarray(i * 16_384, (i + 1) * 16_384),
  );

function relay(chunks: Buffer[], coding: string | undefined, guard?: RelayGuard): Promise<void> {
  const chain: Transform[] = guardedChain({ coding, guard }, { contentEncoding: coding });
  let source: Readable = Readable.from(chunks);
  for (const t of chain.length > 0 ? chain : [new PassThrough()]) source = source.pipe(t);
  return new Promise((resolve, reject) => {
    source.on('error', reject);
    source.pipe(new Writable({ write: (_c, _e, done) => done() })).on('finish', resolve);
  });
}

async function perBody(bodies: number, run: () => Promise<void>): Promise<number> {
  const before = ownCpuMs();
  for (let i = 0; i < bodies; i++) await run();
  return (ownCpuMs() - before) / bodies;
}

export async function runSecretGuardBench(): Promise<void> {
  const guard: RelayGuard = { secrets: [TOKEN], onFound: () => {} };
  const small = podList(100);
  const large = podList(3_000);
  const cases = [
    { name: '100 pods, plain', chunks: chunked(small), coding: undefined, bodies: 2_000 },
    { name: '3,000 pods, plain', chunks: chunked(large), coding: undefined, bodies: 100 },
    {
      name: '3,000 pods, gzip as it came',
      chunks: chunked(gzipSync(large, { level: 1 })),
      coding: 'gzip',
      bodies: 100,
    },
  ];
  console.log(
    `Secret check of relayed bodies, ${ROUNDS} rounds (load average ${(loadavg()[0] ?? 0).toFixed(1)})`,
  );
  for (const c of cases) {
    const without: number[] = [];
    const withCheck: number[] = [];
    await perBody(c.bodies / 10, () => relay(c.chunks, c.coding, guard)); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      without.push(await perBody(c.bodies, () => relay(c.chunks, c.coding)));
      withCheck.push(await perBody(c.bodies, () => relay(c.chunks, c.coding, guard)));
    }
    const median = (xs: number[]) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const [a, b] = [median(without), median(withCheck)];
    console.log(
      `  ${c.name.padEnd(28)} relay ${(a * 1000).toFixed(0).padStart(5)} µs, checked ${(b * 1000).toFixed(0).padStart(5)} µs per body: +${((b - a) * 1000).toFixed(0)} µs (${(b / a).toFixed(2)}x)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSecretGuardBench();
