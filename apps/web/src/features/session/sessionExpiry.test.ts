import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/kube/http.ts';
import type { SessionView } from '@cci/model';
import { sessionKeys } from './session.queries.ts';
import { SessionExpiry } from './sessionExpiry.ts';

const session = (user: string): SessionView => ({
  user,
  domain: 'cci-demo',
  domainId: 'd1',
  region: 'cn-north-4',
  project: { id: 'p1', name: 'cn-north-4' },
  method: 'password',
  expiresAt: '2030-01-01T00:00:00Z',
  idleTimeoutSeconds: 900,
});
const unauthorized = () => new ApiError(401, { code: 401, reason: 'Unauthorized' });

function setup() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  client.setQueryData(sessionKeys.current(), session('cci-demo'));
  const expiry = new SessionExpiry(client);
  return { client, expiry };
}

async function failOnce(client: QueryClient, expiry: SessionExpiry, key?: readonly unknown[]) {
  let calls = 0;
  const mutationFn = vi.fn(async (value: string) => {
    calls += 1;
    if (calls === 1) {
      expiry.markExpired(); // apiFetch calls the 401 listener before it throws
      throw unauthorized();
    }
    return value;
  });
  const mutation = client
    .getMutationCache()
    .build(client, { mutationFn, ...(key ? { mutationKey: key } : {}) });
  await mutation.execute('input').catch(() => {});
  return { mutation, mutationFn };
}

describe('SessionExpiry', () => {
  it('remembers the ended session and re-sends a mutation refused with 401 after re-sign-in', async () => {
    const { client, expiry } = setup();
    const { mutation, mutationFn } = await failOnce(client, expiry);
    expect(expiry.getState()).toMatchObject({ expired: true, previous: { user: 'cci-demo' } });
    expect(await expiry.resume(session('cci-demo'))).toBe(1);
    await vi.waitFor(() => expect(mutation.state.status).toBe('success'));
    expect(mutationFn).toHaveBeenCalledTimes(2);
    expect(mutationFn).toHaveBeenLastCalledWith('input', expect.anything());
    expect(expiry.getState().expired).toBe(false);
  });

  it('never re-sends the sign-in itself (a wrong password in the dialog)', async () => {
    const { client, expiry } = setup();
    const { mutationFn } = await failOnce(client, expiry, [...sessionKeys.all, 'signIn']);
    expect(await expiry.resume(session('cci-demo'))).toBe(0);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });

  it('drops the cached data and re-sends nothing when another identity signs in', async () => {
    const { client, expiry } = setup();
    client.setQueryData(['resources', 'cn-north-4', 'pods'], { items: [1] });
    const { mutationFn } = await failOnce(client, expiry);
    expect(await expiry.resume(session('other-user'))).toBe(0);
    expect(mutationFn).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(['resources', 'cn-north-4', 'pods'])).toBeUndefined();
    expect(client.getQueryData<SessionView>(sessionKeys.current())?.user).toBe('other-user');
  });

  it('closes without re-sending anything when the user leaves for the sign-in page', async () => {
    const { client, expiry } = setup();
    const { mutationFn } = await failOnce(client, expiry);
    expiry.dismiss();
    expect(expiry.getState().expired).toBe(false);
    expect(await expiry.resume(session('cci-demo'))).toBe(0);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });
});
