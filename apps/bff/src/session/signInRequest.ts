import type { LocalizedStatusCause as StatusCause, Region } from '@cci/model';
import { messages } from '../messages.ts';
import { fieldCause, fieldError, statusError } from '../status.ts';

/** A2: a project name or a project id; the console defaults the name to the region. */
export type ProjectRef = { name: string } | { id: string };

export type SignInRequest =
  | {
      method: 'password';
      region: string;
      domainName: string;
      userName: string;
      password: string;
      project: ProjectRef;
    }
  | { method: 'aksk'; region: string; accessKey: string; secretKey: string; project: ProjectRef };

// Names, keys and ids end up in JSON bodies and headers: no control characters, bounded length.
const NAME = /^[^\s\p{Cc}]{1,256}$/u;
const ACCESS_KEY = /^[A-Za-z0-9]{1,128}$/;
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const SECRET = /^[^\p{Cc}]{1,1024}$/u;

/**
 * Validates a POST /api/session body. Every problem becomes a field cause (the field's name,
 * never its value), all of them in one 400 answer.
 */
export function parseSignInRequest(body: unknown, regions: readonly Region[]): SignInRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw statusError(400, messages.invalidJson);
  }
  const input = body as Record<string, unknown>;
  const causes: StatusCause[] = [];
  const text = (field: string, shape: RegExp, required: boolean): string | undefined => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (required) causes.push(fieldCause('FieldValueRequired', field, messages.fieldRequired));
      return undefined;
    }
    if (typeof value !== 'string' || !shape.test(value)) {
      causes.push(
        fieldCause('FieldValueInvalid', field, messages.fieldInvalid, {
          problem: typeof value === 'string' ? 'unexpected characters or length' : 'not a string',
        }),
      );
      return undefined;
    }
    return value;
  };

  const region = text('region', NAME, true);
  if (region !== undefined && !regions.some((r) => r.id === region)) {
    throw fieldError('FieldValueNotSupported', 'region', messages.unknownRegion, { region });
  }
  const method = input['method'];
  if (method !== 'password' && method !== 'aksk') {
    causes.push(
      method === undefined
        ? fieldCause('FieldValueRequired', 'method', messages.fieldRequired)
        : fieldCause('FieldValueNotSupported', 'method', messages.fieldInvalid, {
            problem: "expected 'password' or 'aksk'",
          }),
    );
  }
  const projectName = text('projectName', PROJECT_NAME, false);
  const projectId = text('projectId', PROJECT_ID, false);
  if (projectName !== undefined && projectId !== undefined) {
    causes.push(
      fieldCause('FieldValueDuplicate', 'projectId', messages.fieldInvalid, {
        problem: 'give a project name or a project id, not both',
      }),
    );
  }
  const project: ProjectRef =
    projectId !== undefined ? { id: projectId } : { name: projectName ?? region ?? '' };

  if (method === 'aksk') {
    const accessKey = text('accessKey', ACCESS_KEY, true);
    const secretKey = text('secretKey', SECRET, true);
    throwIfAny(causes);
    return {
      method,
      region: region as string,
      accessKey: accessKey as string,
      secretKey: secretKey as string,
      project,
    };
  }
  const domainName = text('domainName', NAME, method === 'password');
  const userName = text('userName', NAME, false);
  const password = text('password', SECRET, method === 'password');
  throwIfAny(causes);
  return {
    method: 'password',
    region: region as string,
    domainName: domainName as string,
    // A2: without a user name, the account's own (main) user signs in.
    userName: userName ?? (domainName as string),
    password: password as string,
    project,
  };
}

function throwIfAny(causes: StatusCause[]): void {
  const first = causes[0];
  if (!first) return;
  throw statusError(
    400,
    { key: first.messageKey, en: first.messages.en, 'zh-CN': first.messages['zh-CN'] },
    {},
    { causes },
  );
}
