import { signRequest } from '@cci/hwcloud-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator.ts';
import { DEMO_ACCESS_KEY, DEMO_SECRET_KEY } from './users.ts';

// IAM GET /v3/projects on the emulator's own HTTP server: an AK/SK client turns a project name
// into the id that X-Project-Id needs (A2: the project name defaults to the region).

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ tls: false, controllers: [] });
});

afterAll(async () => {
  await emulator.close();
});

function signedGet(pathAndQuery: string): Promise<Response> {
  const url = new URL(pathAndQuery, emulator.url);
  const headers = { host: url.host };
  const added = signRequest(
    { method: 'GET', path: url.pathname, rawQuery: url.search.slice(1), headers },
    { ak: DEMO_ACCESS_KEY, sk: DEMO_SECRET_KEY },
  );
  return fetch(url, { headers: { ...headers, ...added } });
}

interface ProjectList {
  projects: Array<{ id: string; name: string; domain_id: string }>;
}

describe('IAM GET /v3/projects', () => {
  it('A2 finds the project of a region by name for an AK/SK signature', async () => {
    const res = await signedGet('/v3/projects?name=cn-east-3');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ProjectList;
    const domain = emulator.directory.domainByName('cci-demo')!;
    expect(body.projects).toEqual([
      expect.objectContaining({
        id: emulator.directory.projectByName(domain, 'cn-east-3')!.id,
        name: 'cn-east-3',
        domain_id: domain.id,
      }),
    ]);
  });

  it('lists every project of the account without a filter, none for an unknown name', async () => {
    const all = (await (await signedGet('/v3/projects')).json()) as ProjectList;
    expect(all.projects.map((p) => p.name).sort()).toEqual(
      ['cn-east-2', 'cn-east-3', 'cn-north-4', 'cn-south-1', 'cn-southwest-2'].sort(),
    );
    const none = (await (await signedGet('/v3/projects?name=eu-west-0')).json()) as ProjectList;
    expect(none.projects).toEqual([]);
  });

  it('accepts a token and refuses an anonymous caller', async () => {
    const token = emulator.issueToken();
    const withToken = await fetch(`${emulator.url}/v3/projects?name=cn-north-4`, {
      headers: { 'X-Auth-Token': token },
    });
    expect(((await withToken.json()) as ProjectList).projects).toHaveLength(1);
    const anonymous = await fetch(`${emulator.url}/v3/projects`);
    expect(anonymous.status).toBe(401);
  });
});
