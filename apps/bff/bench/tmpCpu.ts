import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { load } from './load.ts';
function start<T>(script: string, env: Record<string, string>) {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], { env: { ...process.env, ...env } });
  return new Promise<{ child: ChildProcess; info: T }>((r) => child.once('message', (info) => r({ child, info: info as T })));
}
const cpu = (c: ChildProcess) => new Promise<number>((r) => { c.send('cpu'); c.once('message', (m) => { const u = (m as { cpu: { user: number; system: number } }).cpu; r((u.user + u.system) / 1000); }); });
const emu = await start<{ url: string; token: string }>('./emulatorProcess.ts', { BENCH_PODS: '100' });
const bff = await start<{ bff: string }>('./bffProcess.ts', { BENCH_UPSTREAM: emu.info.url });
const res = await fetch(`${bff.info.bff}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CCI-Console': '1', Origin: bff.info.bff }, body: JSON.stringify({ method: 'password', region: 'cn-north-4', domainName: 'cci-demo', userName: 'cci-demo', password: 'Demo@12345' }) });
const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
const path = '/api/v1/namespaces/bench/pods';
const N = 3000; const C = Number(process.env['C'] ?? 16);
for (const round of [0, 1, 2]) {
  for (const mode of ['direct', 'bff']) {
    const e0 = await cpu(emu.child), b0 = await cpu(bff.child), l0 = process.cpuUsage();
    const r = mode === 'direct' ? await load(`${emu.info.url}${path}`, { 'X-Auth-Token': emu.info.token }, N, C) : await load(`${bff.info.bff}/api/cci${path}`, { Cookie: cookie }, N, C);
    const e1 = await cpu(emu.child), b1 = await cpu(bff.child), l = process.cpuUsage(l0);
    console.log(round, mode.padEnd(6), 'rps', (N / r.seconds).toFixed(0), 'cpu ms/req emu', ((e1 - e0) / N).toFixed(3), 'bff', ((b1 - b0) / N).toFixed(3), 'loader', ((l.user + l.system) / 1000 / N).toFixed(3));
  }
}
emu.child.kill(); bff.child.kill();
