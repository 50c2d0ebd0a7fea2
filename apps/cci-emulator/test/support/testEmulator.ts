import type { AdmissionPlugin } from '../../src/api/context.ts';
import type { Controller } from '../../src/controllers/runtime.ts';
import { startEmulator, type Emulator } from '../../src/emulator.ts';
import { apiClient } from './client.ts';

export interface TestEmulator {
  emulator: Emulator;
  api: ReturnType<typeof apiClient>;
  token: string;
  /** Moves the manual clock and lets controllers finish reacting. */
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** An in-process emulator on plain HTTP with a manual clock: deterministic controller tests. */
export async function startTestEmulator(
  options: { controllers?: Controller[]; admission?: AdmissionPlugin[] } = {},
): Promise<TestEmulator> {
  const emulator = await startEmulator({
    tls: false,
    clock: 'manual',
    ...(options.controllers ? { controllers: options.controllers } : {}),
    ...(options.admission ? { admission: options.admission } : {}),
  });
  const token = emulator.issueToken();
  return {
    emulator,
    api: apiClient(emulator.url, token),
    token,
    advance: (ms) => emulator.advance(ms),
    settle: () => emulator.settle(),
    close: () => emulator.close(),
  };
}

/** A CCI namespace as the seed creates it (N1, N2, N3). */
export function namespaceManifest(name: string, flavor = 'general-computing'): object {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { sys_enterprise_project_id: '0' },
      annotations: { 'namespace.kubernetes.io/flavor': flavor },
    },
    spec: { finalizers: ['kubernetes'] },
  };
}

/** A Network as in the seed (N5) with the given CIDR. */
export function networkManifest(name: string, cidr = '192.168.0.0/24'): object {
  return {
    apiVersion: 'networking.cci.io/v1beta1',
    kind: 'Network',
    metadata: {
      name,
      annotations: {
        'network.alpha.kubernetes.io/default-security-group':
          'a6b9c1d2-0000-4000-8000-000000000001',
        'network.alpha.kubernetes.io/domain-id': '0c5b0d6f00000000000000000000d0m1',
        'network.alpha.kubernetes.io/project-id': '0c5b0d6f0000000000000000000pr0j1',
      },
    },
    spec: {
      cidr,
      attachedVPC: 'b8c1d2e3-0000-4000-8000-00000000000a',
      networkID: 'c9d2e3f4-0000-4000-8000-00000000000b',
      networkType: 'underlay_neutron',
      subnetID: 'd0e3f4a5-0000-4000-8000-00000000000c',
    },
  };
}
