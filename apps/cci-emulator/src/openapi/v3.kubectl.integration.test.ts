import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor, type kubectlRunner } from '../../test/support/kubectl.ts';
import { apiClient } from '../../test/support/client.ts';
import { startEmulator, type Emulator } from '../emulator.ts';

// /openapi/v3 for the served groups: kubectl explain reads it (it prefers v3 to v2).

let emulator: Emulator;
let kubectl: ReturnType<typeof kubectlRunner>;

beforeAll(async () => {
  emulator = await startEmulator();
  kubectl = kubectlFor(emulator);
});
afterAll(() => emulator.close());

describe('/openapi/v3', () => {
  it('indexes every served group-version with a hashed document URL', async () => {
    const plain = await startEmulator({ tls: false });
    try {
      const api = apiClient(plain.url, plain.issueToken());
      const index = await api.get<{ paths: Record<string, { serverRelativeURL: string }> }>(
        '/openapi/v3',
      );
      expect(Object.keys(index.body.paths)).toEqual(
        expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/networking.cci.io/v1beta1']),
      );
      const url = index.body.paths['apis/apps/v1']?.serverRelativeURL ?? '';
      expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
      const doc = await api.get<{ openapi: string; paths: Record<string, { patch?: unknown }> }>(
        url,
      );
      expect(doc.body.openapi).toBe('3.0.0');
      expect(doc.body.paths).toHaveProperty(
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
      );
      // No PATCH operation: kubectl keeps client-side validation (see openapi/document.ts).
      expect(Object.values(doc.body.paths).some((p) => p.patch)).toBe(false);
      expect((await api.get('/openapi/v3/apis/nowhere/v1')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('D1 N5: kubectl explain reads v3 for built-in and CCI kinds', async () => {
    const r = await kubectl.run(['explain', 'deployment.spec.strategy', '-v=6']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/GET https:\/\/[^ ]+\/openapi\/v3\/apis\/apps\/v1\?hash=/);
    expect(r.stdout).toContain('KIND:       Deployment');
    expect(r.stdout).toContain('FIELD: strategy <DeploymentStrategy>');
    const network = await kubectl.run(['explain', 'networks.spec']);
    expect(network.stdout).toContain('GROUP:      networking.cci.io');
    expect(network.stdout).toMatch(/attachedVPC\s+<string> -required-/);
  });
});
