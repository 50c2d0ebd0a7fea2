import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  namespaceManifest,
  networkManifest,
  startTestEmulator,
  type TestEmulator,
} from '../../test/support/testEmulator.ts';
import { createNetworkController, networkCidrOf, NETWORK_ACTIVATION_MS } from './networks.ts';

let t: TestEmulator;
const networks = '/apis/networking.cci.io/v1beta1/namespaces/ns-a/networks';

interface NetworkBody {
  status?: { state?: string; reason?: string; message?: string };
}
interface EventBody {
  items: { reason: string; type: string; message: string; involvedObject: { name: string } }[];
}

async function stateOf(name: string): Promise<NetworkBody['status']> {
  return (await t.api.get<NetworkBody>(`${networks}/${name}`)).body.status;
}

beforeEach(async () => {
  t = await startTestEmulator({ controllers: [createNetworkController()] });
  expect((await t.api.post('/api/v1/namespaces', namespaceManifest('ns-a'))).status).toBe(201);
});
afterEach(() => t.close());

describe('Network controller', () => {
  it('N4 a new Network is Initializing, then Active after a few emulated seconds', async () => {
    expect((await t.api.post(networks, networkManifest('test-network'))).status).toBe(201);
    await t.settle();
    expect(await stateOf('test-network')).toEqual({ state: 'Initializing' });
    // creationTimestamp has whole seconds, so activation is due 2-3 s after the create.
    await t.advance(NETWORK_ACTIVATION_MS - 1000);
    expect((await stateOf('test-network'))?.state).toBe('Initializing');
    await t.advance(1000);
    expect(await stateOf('test-network')).toEqual({ state: 'Active' });
  });

  it('N7 networkCidrOf gives the CIDR of the Active Network only', async () => {
    const ctx = t.emulator.controllers.ctx;
    expect(networkCidrOf(ctx, 'ns-a')).toBeUndefined();
    await t.api.post(networks, networkManifest('test-network', '192.168.7.0/24'));
    await t.settle();
    expect(networkCidrOf(ctx, 'ns-a')).toBeUndefined();
    await t.advance(NETWORK_ACTIVATION_MS);
    expect(networkCidrOf(ctx, 'ns-a')).toBe('192.168.7.0/24');
    expect(networkCidrOf(ctx, 'other')).toBeUndefined();
  });

  it('N5 a second Network in the namespace goes Failed (DuplicateNetwork) with a Warning event', async () => {
    await t.api.post(networks, networkManifest('first'));
    await t.advance(NETWORK_ACTIVATION_MS);
    await t.api.post(networks, networkManifest('second', '192.168.1.0/24'));
    await t.advance(NETWORK_ACTIVATION_MS);
    expect((await stateOf('first'))?.state).toBe('Active');
    expect(await stateOf('second')).toMatchObject({ state: 'Failed', reason: 'DuplicateNetwork' });
    const events = (await t.api.get<EventBody>('/api/v1/namespaces/ns-a/events')).body.items;
    expect(events).toContainEqual(
      expect.objectContaining({
        reason: 'DuplicateNetwork',
        type: 'Warning',
        involvedObject: expect.objectContaining({ name: 'second' }),
      }),
    );
    expect(networkCidrOf(t.emulator.controllers.ctx, 'ns-a')).toBe('192.168.0.0/24');
  });

  it('N4 a Network on a subnet named fail-... goes Failed with reason SubnetNotFound (test hook)', async () => {
    const manifest = networkManifest('broken') as { spec: Record<string, string> };
    manifest.spec['subnetID'] = 'fail-missing-subnet';
    await t.api.post(networks, manifest);
    await t.advance(NETWORK_ACTIVATION_MS);
    const status = await stateOf('broken');
    expect(status).toMatchObject({ state: 'Failed', reason: 'SubnetNotFound' });
    expect(status?.message).toContain('fail-missing-subnet');
    const events = (await t.api.get<EventBody>('/api/v1/namespaces/ns-a/events')).body.items;
    expect(events.filter((e) => e.reason === 'SubnetNotFound')).toHaveLength(1);
    expect(networkCidrOf(t.emulator.controllers.ctx, 'ns-a')).toBeUndefined();

    // A replacement for the failed Network is not a duplicate.
    await t.api.post(networks, networkManifest('fixed'));
    await t.advance(NETWORK_ACTIVATION_MS);
    expect((await stateOf('fixed'))?.state).toBe('Active');
  });
});
