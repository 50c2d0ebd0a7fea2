import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench's BFF process (bffProcess.ts): its URL, its CPU time so far, and a way to stop it. */
export interface BffChild {
  url: string;
  /** CPU time so far, and how many event streams were opened so far. */
  cpuMs(): Promise<number>;
  streams(): Promise<number>;
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
  const stats = () =>
    new Promise<{ cpu: NodeJS.CpuUsage; streams: number }>((done) => {
      const onMessage = (m: unknown) => {
        const answer = m as { cpu?: NodeJS.CpuUsage; streams: number };
        if (!answer.cpu) return;
        child.off('message', onMessage);
        done({ cpu: answer.cpu, streams: answer.streams });
      };
      child.on('message', onMessage);
      child.send('cpu');
    });
  const cpuMs = async () => {
    const { cpu } = await stats();
    return (cpu.user + cpu.system) / 1000;
  };
  const streams = async () => (await stats()).streams;
  return new Promise((resolve, reject) => {
    child.once('message', (m) =>
      resolve({
        url: (m as { url: string }).url,
        cpuMs,
        streams,
        stop: () => child.kill('SIGINT'),
      }),
    );
    child.once('exit', (code) => reject(new Error(`the BFF exited with ${code}`)));
  });
}
