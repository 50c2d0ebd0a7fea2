import { regions } from '@cci/model';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { parseSignInRequest } from './signInRequest.ts';

async function failure(body: unknown) {
  try {
    parseSignInRequest(body, regions);
  } catch (error) {
    if (error instanceof HTTPException) {
      return { status: error.status, body: (await error.getResponse().json()) as StatusJson };
    }
    throw error;
  }
  throw new Error('expected a failure');
}

interface StatusJson {
  message: string;
  messageKey: string;
  details?: { causes?: Array<{ field: string; reason: string; messageKey: string }> };
}

describe('POST /api/session body', () => {
  it('A2 defaults the user name to the domain name and the project name to the region', () => {
    expect(
      parseSignInRequest(
        { region: 'cn-east-3', method: 'password', domainName: 'acme', password: 'p w' },
        regions,
      ),
    ).toEqual({
      method: 'password',
      region: 'cn-east-3',
      domainName: 'acme',
      userName: 'acme',
      password: 'p w',
      project: { name: 'cn-east-3' },
    });
  });

  it('A2 takes a project id instead of a name, not both', async () => {
    const base = { region: 'cn-north-4', method: 'aksk', accessKey: 'AK1', secretKey: 'SK1' };
    expect(parseSignInRequest({ ...base, projectId: 'abc123' }, regions)).toMatchObject({
      project: { id: 'abc123' },
    });
    const both = await failure({ ...base, projectId: 'abc', projectName: 'cn-north-4' });
    expect(both.body.details?.causes?.[0]).toMatchObject({ field: 'projectId' });
  });

  it('names every missing field in one 400, never a value', async () => {
    const { status, body } = await failure({ region: 'cn-north-4', method: 'password' });
    expect(status).toBe(400);
    expect(body.details?.causes?.map((c) => [c.field, c.reason])).toEqual([
      ['domainName', 'FieldValueRequired'],
      ['password', 'FieldValueRequired'],
    ]);
    expect(body.message).toBe('domainName is required.');
    const aksk = await failure({ region: 'cn-north-4', method: 'aksk', secretKey: 'TopSecret' });
    expect(aksk.body.details?.causes?.map((c) => c.field)).toEqual(['accessKey']);
    expect(JSON.stringify(aksk.body)).not.toContain('TopSecret');
  });

  it('refuses unknown regions and methods, mistyped fields and non-objects', async () => {
    expect((await failure({ region: 'eu-west-0', method: 'aksk' })).body.messageKey).toBe(
      'request.unknownRegion',
    );
    const method = await failure({ region: 'cn-north-4', method: 'token' });
    expect(method.body.details?.causes?.[0]).toMatchObject({ field: 'method' });
    const typed = await failure({ region: 'cn-north-4', method: 'password', domainName: 7 });
    expect(typed.body.details?.causes?.[0]).toMatchObject({
      field: 'domainName',
      reason: 'FieldValueInvalid',
    });
    expect((await failure([1])).body.messageKey).toBe('request.invalidJson');
    const header = await failure({ region: 'cn-north-4', method: 'aksk', accessKey: 'A\r\nB' });
    expect(header.body.details?.causes?.map((c) => c.field)).toContain('accessKey');
  });
});
