import { startEmulator } from '@cci/emulator';
import { regions } from '@cci/model';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createBrotliDecompress } from 'node:zlib';
import { DEMO_ACCOUNT } from '../../scripts/console.ts';
import { seedDemoData } from '../../scripts/demoSeed.ts';
import { startBff } from './bffChild.ts';
import { seedPods } from './seedPods.ts';
const N = Number(process.env['N'] ?? 30000);
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', tls: true });
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
writeFileSync(join(dir, 'ca.pem'), emulator.caCertificate ?? '');
await seedDemoData(emulator);
seedPods(emulator, 'big', N);
await emulator.settle();
const env: Record<string, string> = { HOST: '127.0.0.1', CCI_CA_FILE: join(dir, 'ca.pem'), DEMO_ACCOUNT: JSON.stringify(DEMO_ACCOUNT), STATIC_DIR: dir };
for (const r of regions) { const k = `CCI_REGION_${r.id.toUpperCase().replace(/-/g, '_')}`; env[`${k}_CCI_ENDPOINT`] = emulator.url; env[`${k}_IAM_ENDPOINT`] = emulator.url; }
console.error('seeded'); const bff = await startBff(env); console.error('bff', bff.url);
const res = await fetch(`${bff.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CCI-Console': '1', Origin: bff.url }, body: JSON.stringify({ method: 'password', region: 'cn-north-4', domainName: 'cci-demo', userName: 'cci-demo', password: 'Demo@12345' }) });
const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
console.error('signed in', res.status); for (let round = 0; round < 3; round++) {
  const cpu0 = await bff.cpuMs();
  const t0 = performance.now();
  await new Promise<void>((done) => {
    const req = request(`${bff.url}/api/stream`, { headers: { cookie, 'accept-encoding': 'br' } }, (r) => {
      let subscribed = false; let text = ''; let raw = 0; let n = 0; let wire = 0; let parts = 0; let first = 0;
      r.on('data', (c: Buffer) => (wire += c.length));
      const d = r.pipe(createBrotliDecompress());
      d.on('data', async (c: Buffer) => {
        const chunk = c.toString(); raw += chunk.length; text = text.slice(-64) + chunk; n += (chunk.match(/event: snapshot/g) ?? []).length;
        if (text.includes('event: ready') && !subscribed) {
          subscribed = true;
          const stream = /"stream":"([^"]+)"/.exec(text)![1];
          console.error('ready', stream); const sr = await fetch(`${bff.url}/api/stream/${stream}/subscriptions`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'X-CCI-Console': '1', Origin: bff.url }, body: JSON.stringify({ resource: 'v1/pods', namespace: 'big', id: 'x' }) }); console.error('sub', sr.status, await sr.text());
        }
        if (n > parts) { if (!first) first = performance.now() - t0; parts = n; }
        if (text.includes('"complete":true')) {
          console.log({ round, firstPartMs: Math.round(first), allMs: Math.round(performance.now() - t0), wireKiB: Math.round(wire / 1024), rawMiB: +(raw / 2 ** 20).toFixed(1), parts: n });
          req.destroy(); done();
        }
      });
    });
    req.end();
  });
  await new Promise((r) => setTimeout(r, 1000));
  console.log('bff cpu ms', Math.round((await bff.cpuMs()) - cpu0));
}
bff.stop(); await emulator.close(); process.exit(0);
