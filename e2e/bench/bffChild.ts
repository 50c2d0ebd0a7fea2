import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench's BFF process (bffProcess.ts): its URL, its CPU time so far, and a way to stop it. */
export interface BffChild {
  url: string;
  cpuMs(): Promise<number>;
  stop(): void;
}

export function startBff(env: Record<string, string>): Promise<BffChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./bffProcess.ts', import.meta.url)), [], {
    env: { ...process.env, ...env },
    // CCI_BENCH_CPU_PROF=dir: the BFF writes a V8 CPU profile there (open in Chrome DevTools).
    execArgv: [
      ...process.execArgv,
      ...(process.env['CCI_BENCH_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['CCI_BENCH_CPU_PROF']}`]
        : []),
    ],
  });
  const cpuMs = () =>
    new Promise<number>((done) => {
      const onMessage = (m: unknown) => {
        const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
        if (!cpu) return;
        child.off('message', onMessage);
        done((cpu.user + cpu.system) / 1000);
      };
      child.on('message', onMessage);
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (m) =>
      resolve({ url: (m as { url: string }).url, cpuMs, stop: () => child.kill('SIGINT') }),
    );
    child.once('exit', (code) => reject(new Error(`the BFF exited with ${code}`)));
  });
}
