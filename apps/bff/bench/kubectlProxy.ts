import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * `kubectl proxy` against the emulator, the peer the BFF's proxy is measured against: what a
 * user would run to reach the API from a browser without the console. Port 0 makes kubectl pick
 * a free port, which it prints ("Starting to serve on 127.0.0.1:PORT").
 */
export interface KubectlProxy {
  process: ChildProcess;
  url: string;
  /** CPU time so far (user + system), from /proc (kubectl is not a Node child). */
  cpuMs(): Promise<number>;
}

export function startKubectlProxy(kubeconfig: string): Promise<KubectlProxy> {
  const child = spawn('kubectl', ['proxy', '--port=0', `--kubeconfig=${kubeconfig}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Starting to serve on [^:\s]+:(\d+)/.exec(output)?.[1];
      if (port) {
        resolve({
          process: child,
          url: `http://127.0.0.1:${port}`,
          cpuMs: () => Promise.resolve(procCpuMs(child.pid as number)),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`kubectl proxy exited with ${code}: ${output}`)));
  });
}

/** utime + stime of a process, in ms (Linux clock ticks are 1/100 s). */
function procCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at index 2 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
