import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKubeconfig } from '../../src/kubeconfig.ts';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubectlBinary(): string {
  // KUBECTL lets a run pin another client (e.g. Debian's 1.20 next to a newer one).
  const pinned = process.env['KUBECTL'];
  if (pinned) return pinned;
  for (const candidate of ['/usr/bin/kubectl', '/usr/local/bin/kubectl']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'kubectl is not installed: install the Debian package kubernetes-client (.ci/run does)',
  );
}

/** Runs the real kubectl against a kubeconfig, with its own discovery cache. */
export function kubectlRunner(kubeconfig: string) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubectl-cache-'));
  const baseArgs = ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir];
  const run = (args: string[], input?: string): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        kubectlBinary(),
        [...baseArgs, ...args],
        { timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  /** A long-running kubectl (get -w) whose whole output is kept, so no line is missed. */
  const spawnLong = (args: string[]): LongRunning => {
    const child = spawn(kubectlBinary(), [...baseArgs, ...args]);
    let stdout = '';
    let stderr = '';
    const waiters = new Set<() => void>();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      for (const w of waiters) w();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const waitFor = (pattern: RegExp, timeoutMs: number) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(stdout);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`timed out waiting for ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    return { child, waitFor, stderr: () => stderr, stop: () => child.kill() };
  };
  return { run, spawnLong };
}

export interface LongRunning {
  child: ChildProcess;
  /** Resolves with all stdout so far once it matches `pattern` (output already seen counts). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Everything written to stderr so far. */
  stderr(): string;
  stop(): void;
}

/**
 * Real kubectl wired to an emulator: a kubeconfig like cci-iam-authenticator's (A4) holding a
 * token for the demo user and pinning the emulator's self-signed certificate.
 */
export function kubectlFor(
  emulator: {
    url: string;
    region: string;
    caCertificate: string | undefined;
    issueToken: () => string;
  },
  namespace?: string,
): ReturnType<typeof kubectlRunner> {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'cci-kubeconfig-')), 'config');
  writeKubeconfig(kubeconfig, {
    server: emulator.url,
    region: emulator.region,
    identityName: 'cci-demo',
    token: emulator.issueToken(),
    caCertificate: emulator.caCertificate,
    namespace,
  });
  return kubectlRunner(kubeconfig);
}

/** Real kubectl for another user, account or project (region) of the emulator's users file. */
export function kubectlAs(
  emulator: {
    url: string;
    caCertificate: string | undefined;
    issueToken: (user?: string, domain?: string, project?: string) => string;
  },
  who: { user: string; domain: string; project: string },
): ReturnType<typeof kubectlRunner> {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'cci-kubeconfig-')), 'config');
  writeKubeconfig(kubeconfig, {
    server: emulator.url,
    region: who.project,
    identityName: who.user,
    token: emulator.issueToken(who.user, who.domain, who.project),
    caCertificate: emulator.caCertificate,
  });
  return kubectlRunner(kubeconfig);
}
