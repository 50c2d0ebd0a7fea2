import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../test/support/client.ts';
import { DEMO_DOMAIN_NAME, DEMO_PASSWORD } from './auth/index.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'cci-durable-'));
const children: ChildProcess[] = [];

/** Starts the emulator as its own process (as `npm run emulator` does) and reads its URL. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--http', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}:\n${out}`)));
  });
}

async function passwordToken(url: string): Promise<string> {
  const res = await fetch(`${url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: DEMO_DOMAIN_NAME,
              password: DEMO_PASSWORD,
              domain: { name: DEMO_DOMAIN_NAME },
            },
          },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    }),
  });
  expect(res.status).toBe(201);
  return res.headers.get('x-subject-token') ?? '';
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability with --data-dir', () => {
  it('keeps every acknowledged write across kill -9 and a restart', async () => {
    const first = await startProcess();
    const token = await passwordToken(first.url);
    const api = apiClient(first.url, token);
    expect(
      (
        await api.post('/api/v1/namespaces', {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'durable',
            annotations: { 'namespace.kubernetes.io/flavor': 'general-computing' },
          },
        })
      ).status,
    ).toBe(201);
    const acknowledged: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await api.post('/api/v1/namespaces/durable/configmaps', {
        metadata: { name: `cm-${i}` },
        data: { i: String(i) },
      });
      if (res.status === 201) acknowledged.push(`cm-${i}`);
    }
    const updated = await api.patch(
      '/api/v1/namespaces/durable/configmaps/cm-0',
      { data: { i: 'changed' } },
      'application/merge-patch+json',
    );
    expect(updated.status).toBe(200);
    expect((await api.delete('/api/v1/namespaces/durable/configmaps/cm-1')).status).toBe(200);
    const versionBefore = (
      await api.get<{ metadata: { resourceVersion: string } }>(
        '/api/v1/namespaces/durable/configmaps',
      )
    ).body.metadata.resourceVersion;

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startProcess();
    // The token secret lives with the data: a token issued before the crash still works.
    const api2 = apiClient(second.url, token);
    const list = await api2.get<{
      items: { metadata: { name: string }; data: { i: string } }[];
      metadata: { resourceVersion: string };
    }>('/api/v1/namespaces/durable/configmaps');
    expect(list.status).toBe(200);
    const names = list.body.items.map((i) => i.metadata.name).sort();
    expect(names).toEqual(acknowledged.filter((n) => n !== 'cm-1').sort());
    expect(list.body.items.find((i) => i.metadata.name === 'cm-0')?.data.i).toBe('changed');
    expect(Number(list.body.metadata.resourceVersion)).toBe(Number(versionBefore));
    const next = await api2.post<{ metadata: { resourceVersion: string } }>(
      '/api/v1/namespaces/durable/configmaps',
      { metadata: { name: 'after' } },
    );
    expect(Number(next.body.metadata.resourceVersion)).toBeGreaterThan(Number(versionBefore));
  });
});
