/**
 * The upstream leg alone: the BFF's sender (`upstream/http.ts`: undici's Agent, the answer as a
 * web Response with a lazy body, taken back as a Node stream as the proxy does) against bare
 * undici and node:https.request with a keep-alive agent (the client before issue #12), all trusting the
 * emulator's CA through the same prebuilt secure context, both GETting the 100-pod list over
 * TLS from the bench's emulator and draining the body. They run in this process, rounds
 * alternating, so the figure is the CPU time each client spends per request (the emulator's
 * share is not counted).
 */
import { Agent as HttpsAgent, request } from 'node:https';
import { loadavg } from 'node:os';
import { Agent } from 'undici';
import type { Readable } from 'node:stream';
import { createHttpSender } from '../src/upstream/http.ts';
import { bodyOf, relayResponse, takeNodeBody } from '../src/upstream/nodeBody.ts';
import { trustedContext } from '../src/upstream/trust.ts';
import { ownCpuMs, type EmulatorInfo } from './processes.ts';

const ROUNDS = 4;
const REQUESTS = 800;

function drain(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('data', () => {});
    stream.once('end', resolve);
    stream.once('error', reject);
  });
}

async function timed(send: () => Promise<void>, concurrency: number): Promise<number> {
  const before = ownCpuMs();
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started++ < REQUESTS) await send();
    }),
  );
  return (ownCpuMs() - before) / REQUESTS;
}

export async function runUpstreamClientBench(emulator: EmulatorInfo, ca: string): Promise<void> {
  const url = new URL(`${emulator.url}/api/v1/namespaces/bench/pods`);
  const headers = { 'x-auth-token': emulator.token, 'accept-encoding': 'gzip' };
  const secureContext = trustedContext(ca);
  const agent = new HttpsAgent({ keepAlive: true, scheduling: 'lifo', secureContext });
  const pool = new Agent({ connect: { secureContext } });
  const sender = createHttpSender({ caCertificates: ca });
  const viaUndici = async () => {
    const { body } = await pool.request({
      origin: url.origin,
      path: url.pathname,
      method: 'GET',
      headers,
    });
    await drain(body);
  };
  const viaNode = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { headers, agent });
      req.once('error', reject);
      req.once('response', (res) => drain(res).then(resolve, reject));
      req.end();
    });
  // As the proxy does: the body is taken as a Node stream, never read as a web stream.
  const viaSender = async () => {
    const response = await sender.send({
      service: 'cci',
      url,
      method: 'GET',
      headers,
      timeoutMs: 10_000,
      timeoutCoversBody: true,
    });
    const relayed = relayResponse(bodyOf(response) as ReadableStream<Uint8Array>, {
      status: response.status,
      headers: response.headers,
    });
    const body = takeNodeBody(relayed);
    if (body) await drain(body.stream);
    else await response.arrayBuffer();
  };
  try {
    for (const concurrency of [1, 16]) {
      await timed(viaNode, concurrency); // warm-up: connections, JIT
      await timed(viaUndici, concurrency);
      await timed(viaSender, concurrency);
      const cpu = { node: 0, undici: 0, sender: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        cpu.node += await timed(viaNode, concurrency);
        cpu.undici += await timed(viaUndici, concurrency);
        cpu.sender += await timed(viaSender, concurrency);
      }
      const [load] = loadavg();
      console.log(
        `  upstream client, GET 100 pods over TLS, concurrency ${concurrency} (load average ${(load ?? 0).toFixed(1)}): CPU ms/req node:https ${(cpu.node / ROUNDS).toFixed(3)}, undici ${(cpu.undici / ROUNDS).toFixed(3)}, BFF sender ${(cpu.sender / ROUNDS).toFixed(3)}; undici/node:https ${(cpu.undici / cpu.node).toFixed(2)}, sender/node:https ${(cpu.sender / cpu.node).toFixed(2)}`,
      );
    }
  } finally {
    agent.destroy();
    await pool.destroy();
    sender.close();
  }
}
