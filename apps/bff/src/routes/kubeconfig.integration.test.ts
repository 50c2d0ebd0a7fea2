import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, cookieFrom, findLeaks, startHarness, type Harness } from '../session/testkit.ts';

// GET /api/kubeconfig, checked by real kubectl: with a stand-in `cci-iam-authenticator` on
// PATH (it signs in at the emulator's IAM from its flags and the PASSWORD variable, A6),
// the downloaded file must list namespaces.

const run = promisify(execFile);
const namespaceYaml = `apiVersion: v1
kind: Namespace
metadata:
  name: kubeconfig-demo
  annotations:
    namespace.kubernetes.io/flavor: general-computing
`;
let h: Harness;
let dir: string;

// Stand-in for the real plugin's password flow: flags from the kubeconfig, password from env.
const plugin = `#!/usr/bin/env node
const flags = Object.fromEntries(process.argv.slice(3).map((a) => {
  const [k, ...v] = a.replace(/^--/, '').split('=');
  return [k, v.join('=')];
}));
if (!process.env.PASSWORD) { console.error('PASSWORD is not set'); process.exit(1); }
const project = flags['project-name'] ? { name: flags['project-name'] } : { id: flags['project-id'] };
fetch(flags['iam-endpoint'] + '/v3/auth/tokens', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ auth: {
    identity: { methods: ['password'], password: { user: {
      name: flags['user-name'], password: process.env.PASSWORD, domain: { name: flags['domain-name'] },
    } } },
    scope: { project },
  } }),
}).then(async (res) => {
  if (res.status !== 201) { console.error('IAM answered ' + res.status); process.exit(1); }
  const body = await res.json();
  process.stdout.write(JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    kind: 'ExecCredential',
    status: { token: res.headers.get('x-subject-token'), expirationTimestamp: body.token.expires_at },
  }));
});
`;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'bff-kubeconfig-'));
  writeFileSync(join(dir, 'cci-iam-authenticator'), plugin);
  chmodSync(join(dir, 'cci-iam-authenticator'), 0o755);
  writeFileSync(join(dir, 'ca.pem'), h.emulator.caCertificate ?? '');
});

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(body: Record<string, unknown>) {
  const signIn = await h.send('POST', '/api/session', { json: { region: 'cn-north-4', ...body } });
  expect(signIn.status, signIn.body).toBe(201);
  const res = await h.send('GET', '/api/kubeconfig', { cookie: cookieFrom(signIn) });
  expect(res.status).toBe(200);
  const file = join(dir, `kubeconfig-${body['method']}`);
  writeFileSync(file, res.body);
  return { res, file };
}

async function kubectl(args: string[], env: Record<string, string> = {}) {
  return run('kubectl', args, {
    env: {
      ...process.env,
      PATH: `${dir}:${process.env['PATH'] ?? ''}`,
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
      ...env,
    },
  });
}

interface KubeconfigJson {
  'current-context': string;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  users: Array<{
    name: string;
    user: { exec: { apiVersion: string; command: string; args: string[] } };
  }>;
}

describe('GET /api/kubeconfig', () => {
  it('A4 A6 password: exec plugin without the password; kubectl lists namespaces with PASSWORD set', async () => {
    const { res, file } = await download({
      method: 'password',
      domainName: DEMO.domain,
      password: DEMO.password,
    });
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="kubeconfig-cn-north-4-cci-demo.yaml"',
    );
    expect(res.body).not.toContain(DEMO.password);
    const view = await kubectl(['config', 'view', '--kubeconfig', file, '-o', 'json']);
    const config = JSON.parse(view.stdout) as KubeconfigJson;
    expect(config['current-context']).toBe('cci-context-cn-north-4-cci-demo');
    expect(config.users[0]?.user.exec).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'cci-iam-authenticator',
      args: [
        'token',
        `--iam-endpoint=${h.emulator.url}`,
        '--project-name=cn-north-4',
        `--domain-name=${DEMO.domain}`,
        `--user-name=${DEMO.user}`,
      ],
    });
    const env = { PASSWORD: DEMO.password };
    writeFileSync(join(dir, 'ns.yaml'), namespaceYaml);
    await kubectl(['--kubeconfig', file, 'create', '-f', join(dir, 'ns.yaml')], env);
    const listed = await kubectl(['--kubeconfig', file, 'get', 'namespaces', '-o', 'name'], env);
    expect(listed.stdout.trim()).toBe('namespace/kubeconfig-demo');
    await expect(
      kubectl(['--kubeconfig', file, 'get', 'namespaces'], { PASSWORD: '' }),
    ).rejects.toThrow(/PASSWORD is not set/);
  });

  it('A4 AK/SK: context named after the AK, --ak in the args, never the SK', async () => {
    const { res, file } = await download({
      method: 'aksk',
      accessKey: DEMO.ak,
      secretKey: DEMO.sk,
    });
    expect(res.body).not.toContain(DEMO.sk);
    const config = JSON.parse(
      (await kubectl(['config', 'view', '--kubeconfig', file, '-o', 'json'])).stdout,
    ) as KubeconfigJson;
    expect(config.contexts[0]).toEqual({
      name: `cci-context-cn-north-4-${DEMO.ak}`,
      context: { cluster: 'cci-cluster-cn-north-4', user: `cci-user-cn-north-4-${DEMO.ak}` },
    });
    expect(config.users[0]?.user.exec.args).toEqual([
      'token',
      `--iam-endpoint=${h.emulator.url}`,
      '--project-name=cn-north-4',
      `--ak=${DEMO.ak}`,
    ]);
  });

  it('needs a session', async () => {
    const res = await h.send('GET', '/api/kubeconfig');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ messageKey: 'session.expired' });
  });

  it('no secret leaked in this run (the AK only in its own kubeconfig, by A4)', () => {
    const akInKubeconfig = (secret: string, where: { path: string }) =>
      secret === DEMO.ak && where.path === '/api/kubeconfig';
    expect(findLeaks(h, akInKubeconfig)).toEqual([]);
  });
});
