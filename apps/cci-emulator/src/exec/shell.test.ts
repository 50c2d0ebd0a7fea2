import { describe, expect, it } from 'vitest';
import { seedPodContainers, type ObjectLookup } from './containerFs.ts';
import { Shell } from './shell.ts';

const lookup: ObjectLookup = {
  configMap: (_ns, name) =>
    name === 'app' ? { 'app.conf': 'level=info\n', mode: 'prod' } : undefined,
  secret: (_ns, name) =>
    name === 'db' ? { password: Buffer.from('s3cret').toString('base64') } : undefined,
};

function container() {
  const pod = {
    metadata: { name: 'web-0', namespace: 'team', labels: { app: 'web' } },
    spec: {
      volumes: [
        { name: 'conf', configMap: { name: 'app' } },
        { name: 'creds', secret: { secretName: 'db' } },
        {
          name: 'info',
          downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
        },
        { name: 'scratch', emptyDir: {} },
      ],
      containers: [
        {
          name: 'app',
          image: 'nginx:alpine',
          command: ['sh', '-c', 'touch /tmp/healthy; nginx'],
          env: [
            { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } } },
            { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          envFrom: [{ secretRef: { name: 'db' } }],
          volumeMounts: [
            { name: 'conf', mountPath: '/etc/app' },
            { name: 'creds', mountPath: '/var/run/creds' },
            { name: 'info', mountPath: '/etc/podinfo' },
            { name: 'scratch', mountPath: '/scratch' },
          ],
        },
      ],
    },
  };
  const state = seedPodContainers(pod, lookup, () => 0).get('app');
  if (!state) throw new Error('no container');
  return state;
}

async function run(source: string, shell = new Shell(container())) {
  let stdout = '';
  let stderr = '';
  const code = await shell.run(source, {
    stdin: () => Buffer.from('piped input\n'),
    stdout: (c) => (stdout += c.toString()),
    stderr: (c) => (stderr += c.toString()),
  });
  return { code, stdout, stderr };
}

describe('emulated container shell', () => {
  it('sees the pod spec: hostname, env (valueFrom, envFrom), ConfigMap / Secret / downward API files', async () => {
    const r = await run(
      'hostname; cat /etc/hostname; echo $MODE $POD $password; cat /etc/app/app.conf /var/run/creds/password; echo; cat /etc/podinfo/labels',
    );
    expect(r).toEqual({
      code: 0,
      stdout: 'web-0\nweb-0\nprod web-0 s3cret\nlevel=info\ns3cret\napp="web"',
      stderr: '',
    });
  });

  it('has the files the entrypoint creates and mounts read-only volumes read-only', async () => {
    expect((await run('ls /tmp')).stdout).toBe('healthy\n');
    const r = await run('touch /etc/app/new');
    expect(r).toMatchObject({
      code: 1,
      stderr: "touch: cannot touch '/etc/app/new': Read-only file system\n",
    });
  });

  it('returns real exit codes: 127 and "command not found" for unknown commands, 2 for ls of nothing, exit N', async () => {
    expect(await run('pg_isready')).toMatchObject({
      code: 127,
      stderr: 'sh: pg_isready: command not found\n',
    });
    expect(await run('ls /nowhere /etc/app')).toEqual({
      code: 2,
      stdout: '/etc/app:\napp.conf\nmode\n',
      stderr: "ls: cannot access '/nowhere': No such file or directory\n",
    });
    expect((await run('cat /nowhere')).code).toBe(1);
    expect((await run('false || exit 7; echo unreachable')).code).toBe(7);
    expect((await run('true && false')).code).toBe(1);
    expect(await run('rm /missing; echo $?')).toMatchObject({ stdout: '1\n' });
  });

  it('pipes, redirects and keeps the working directory and files between commands', async () => {
    const shell = new Shell(container());
    expect((await run('cat | cat > /scratch/in; cat /scratch/in', shell)).stdout).toBe(
      'piped input\n',
    );
    expect(
      (await run('cd /scratch && echo one > f && echo two >> f; pwd; cat f', shell)).stdout,
    ).toBe('/scratch\none\ntwo\n');
    expect((await run('ls /nowhere 2>/dev/null; ls /nowhere 2>&1', shell)).stdout).toMatch(
      /^ls: cannot access/,
    );
    expect((await run('mkdir /scratch/d && rm /scratch/d', shell)).stderr).toBe(
      "rm: cannot remove '/scratch/d': Is a directory\n",
    );
    expect((await run('rm -r /scratch/d && test -d /scratch/d', shell)).code).toBe(1);
  });

  it('reports a full container filesystem as sh does (status 1)', async () => {
    const big = 'x'.repeat(40 * 1024 * 1024);
    const shell = new Shell(container());
    expect((await run(`echo ${big} > /tmp/a`, shell)).code).toBe(0);
    expect(await run(`echo ${big} > /tmp/b`, shell)).toMatchObject({
      code: 1,
      stderr: 'sh: write error: No space left on device\n',
    });
  });

  it('lists the entrypoint as PID 1 in ps', async () => {
    const state = container();
    const session = state.processes.start('sh');
    const r = await run('ps', new Shell(state));
    session.end();
    expect(r.stdout.split('\n')[1]).toMatch(/^\s+1 root\s+0:00 sh -c touch \/tmp\/healthy; nginx$/);
    expect(r.stdout).toMatch(/^\s+7 root\s+0:00 sh$/m);
  });

  it('runs kubectl exec argv without a shell, and sh -c scripts through one', async () => {
    const shell = new Shell(container());
    const out: string[] = [];
    const io = {
      stdin: () => Buffer.alloc(0),
      stdout: (c: Buffer) => out.push(c.toString()),
      stderr: (c: Buffer) => out.push(c.toString()),
    };
    expect(shell.exec(['echo', '$HOME', '>', 'x'], io)).toBe(0);
    expect(shell.exec(['sh', '-c', 'echo $HOME'], io)).toBe(0);
    expect(shell.exec(['nosuch'], io)).toBe(127);
    expect(out.slice(0, 2)).toEqual(['$HOME > x\n', '/root\n']);
  });
});
