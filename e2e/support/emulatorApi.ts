import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/**
 * Direct calls to the emulator's IAM and CCI APIs (not through the console), for changes the
 * browser must notice on its own. Trusts only the emulator's self-signed certificate.
 */
export interface EmulatorApi {
  post(path: string, body: unknown): Promise<{ status: number; body: string }>;
  /** A JSON merge patch: change an object behind the console's back (conflict tests). */
  mergePatch(path: string, body: unknown): Promise<{ status: number; body: string }>;
  /** Reads what the console created, straight from the emulator. */
  get(path: string): Promise<{ status: number; body: string }>;
  /** Cleans up what a test created. */
  delete(path: string): Promise<{ status: number; body: string }>;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts`);
  return value;
}

function send(
  url: URL,
  ca: string,
  headers: Record<string, string>,
  body: string,
  method = 'POST',
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { method, ca, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in to the emulator's IAM as the demo user (project = region) and returns a client. */
export async function emulatorApi(
  account: { domain: string; user: string; password: string },
  region = 'cn-north-4',
): Promise<EmulatorApi> {
  const base = env('CCI_E2E_EMULATOR_URL');
  const ca = readFileSync(env('CCI_E2E_CA_FILE'), 'utf8');
  const json = { 'Content-Type': 'application/json' };
  const auth = {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: account.user,
            password: account.password,
            domain: { name: account.domain },
          },
        },
      },
      scope: { project: { name: region } },
    },
  };
  const signedIn = await send(new URL('/v3/auth/tokens', base), ca, json, JSON.stringify(auth));
  const token = signedIn.headers['x-subject-token'];
  if (signedIn.status !== 201 || typeof token !== 'string') {
    throw new Error(`emulator IAM sign-in failed: ${signedIn.status} ${signedIn.body}`);
  }
  return {
    post: (path, body) =>
      send(new URL(path, base), ca, { ...json, 'X-Auth-Token': token }, JSON.stringify(body)),
    mergePatch: (path, body) =>
      send(
        new URL(path, base),
        ca,
        { 'Content-Type': 'application/merge-patch+json', 'X-Auth-Token': token },
        JSON.stringify(body),
        'PATCH',
      ),
    get: (path) => send(new URL(path, base), ca, { 'X-Auth-Token': token }, '', 'GET'),
    delete: (path) => send(new URL(path, base), ca, { 'X-Auth-Token': token }, '', 'DELETE'),
  };
}
