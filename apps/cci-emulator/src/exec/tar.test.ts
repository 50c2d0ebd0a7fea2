import { describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { seedPodContainers } from './containerFs.ts';
import { Shell } from './shell.ts';
import { parseTarArgs } from './tar.ts';

function shell() {
  const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } };
  const none = { configMap: () => undefined, secret: () => undefined };
  return new Shell(seedPodContainers(pod, none, () => 0).get('c')!);
}

async function run(sh: Shell, argv: string[], stdin = Buffer.alloc(0)) {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await sh.exec(argv, {
    stdin: () => stdin,
    stdout: (c) => out.push(c),
    stderr: (c) => (stderr += c.toString()),
  });
  return { code, stdout: Buffer.concat(out), stderr };
}

describe('tar for kubectl cp', () => {
  it('parses the forms kubectl uses', () => {
    expect(parseTarArgs(['cf', '-', '/tmp/a'])).toMatchObject({
      mode: 'c',
      file: '-',
      operands: ['/tmp/a'],
    });
    expect(
      parseTarArgs(['--no-same-permissions', '--no-same-owner', '-xmf', '-', '-C', '/tmp']),
    ).toMatchObject({ mode: 'x', directory: '/tmp' });
    expect(parseTarArgs(['-xf', 'archive.tar'])).toMatch(/Cannot open/);
    expect(parseTarArgs(['-q'])).toBe("invalid option -- 'q'");
  });

  it('archives a tree to stdout and unpacks it elsewhere, contents and modes intact', async () => {
    const sh = shell();
    await run(sh, ['sh', '-c', 'mkdir -p /src/sub && echo a > /src/a && echo b > /src/sub/b']);
    const archive = await run(sh, ['tar', 'cf', '-', '/src']);
    expect(archive.code).toBe(0);
    expect(archive.stderr).toBe("tar: Removing leading `/' from member names\n");
    await run(sh, ['mkdir', '/dst']);
    expect((await run(sh, ['tar', 'xmf', '-', '-C', '/dst'], archive.stdout)).code).toBe(0);
    expect((await run(sh, ['cat', '/dst/src/a', '/dst/src/sub/b'])).stdout.toString()).toBe(
      'a\nb\n',
    );
  });

  it('unpacks an archive made elsewhere (what kubectl cp sends)', async () => {
    const p = pack();
    p.entry({ name: 'report.txt', mode: 0o600 }, 'hello\n');
    p.finalize();
    const chunks: Buffer[] = [];
    for await (const c of p) chunks.push(c as Buffer);
    const sh = shell();
    expect((await run(sh, ['tar', '-xmf', '-', '-C', '/tmp'], Buffer.concat(chunks))).code).toBe(0);
    expect((await run(sh, ['ls', '-l', '/tmp/report.txt'])).stdout.toString()).toMatch(
      /^-rw------- 1 root root\s+6 /,
    );
  });

  it('fails with tar exit code 2 for a missing path or a corrupt archive', async () => {
    const sh = shell();
    expect(await run(sh, ['tar', 'cf', '-', '/nope'])).toMatchObject({ code: 2 });
    const bad = await run(sh, ['tar', 'xf', '-'], Buffer.alloc(1024, 7));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('This does not look like a tar archive');
  });
});
