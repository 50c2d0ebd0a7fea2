import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench's child processes (emulator, BFF): start, ask for CPU time and memory, sign in. */
export interface Child<T> {
  process: ChildProcess;
  info: T;
}

/** What the emulator process tells its parent (emulatorProcess.ts). */
export interface EmulatorInfo {
  url: string;
  token: string;
  caFile: string;
  kubeconfig: string;
}

export function start<T>(
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<Child<T>> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    // BENCH_CPU_PROF=dir: every child writes a V8 CPU profile there (open in Chrome DevTools).
    execArgv: [
      ...process.execArgv,
      ...execArgv,
      ...(process.env['BENCH_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
        : []),
    ],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ process: child, info: info as T }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** The load generator's own CPU time (it runs in this process). */
export function ownCpuMs(): number {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
}

function ask<T>(child: ChildProcess, question: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (typeof m !== 'object' || m === null || !(key in m)) return;
      child.off('message', onMessage);
      resolve((m as Record<string, T>)[key] as T);
    };
    child.on('message', onMessage);
    child.send(question);
  });
}

/** A child's CPU time so far (user + system), in ms. */
export async function cpuMs(child: ChildProcess): Promise<number> {
  const cpu = await ask<{ user: number; system: number }>(child, 'cpu', 'cpu');
  return (cpu.user + cpu.system) / 1000;
}

/** A child's memory after a full GC when it runs with --expose-gc (serveParent). */
export function memory(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return ask<NodeJS.MemoryUsage>(child, 'memory', 'memory');
}

export async function signIn(bff: string): Promise<string> {
  const res = await fetch(`${bff}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CCI-Console': '1', Origin: bff },
    body: JSON.stringify({
      method: 'password',
      region: 'cn-north-4',
      domainName: 'cci-demo',
      userName: 'cci-demo',
      password: 'Demo@12345',
    }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in answered ${res.status}`);
  return cookie;
}
