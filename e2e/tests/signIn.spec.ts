import { expect, test } from '@playwright/test';
import { request } from 'node:http';
import { ConsoleFrame } from '../pages/ConsoleFrame.ts';
import { DEMO, LoginPage } from '../pages/LoginPage.ts';

test('signs in with the demo account into the console frame, with a Secure __Host- cookie', async ({
  page,
  context,
}) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO);
  await expect(page).toHaveURL(/\/r\/cn-north-4\/ns\/[^/]+\/pods/);
  await new ConsoleFrame(page).expectShown();

  // Over http://127.0.0.1 Chromium keeps Secure cookies (a potentially trustworthy origin),
  // so the BFF's production cookie works without INSECURE_COOKIES.
  const cookie = (await context.cookies()).find((c) => c.name === '__Host-cci-session');
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
});

test('a wrong password shows the sign-in error and stays on the sign-in page', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn({ ...DEMO, password: 'Not-the-password-1' });
  await expect(login.error).toBeVisible();
  await expect(login.error).toHaveAttribute('role', 'alert');
  await expect(page).toHaveURL(/\/login/);
});

test('signing out returns to the sign-in page and ends the session', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO);
  const frame = new ConsoleFrame(page);
  await frame.expectShown();

  await frame.signOut();
  await expect(page).toHaveURL(/\/login/);
  await expect(login.submit).toBeVisible();
  const session = await page.request.get('/api/session');
  expect(session.status()).toBe(401);
});

test('npm start knows its own origin: a DNS-rebinding page (foreign Host and Origin) cannot sign in', async () => {
  // A page on rebind.example whose name resolves to 127.0.0.1 sends its own Host and Origin.
  const { port } = new URL(process.env['CCI_E2E_URL'] as string);
  const foreign = `http://rebind.example:${port}`;
  const answer = await new Promise<{ status: number; body: string; cookie: unknown }>(
    (resolve, reject) => {
      const body = JSON.stringify({
        region: 'cn-north-4',
        method: 'password',
        domainName: DEMO.domain,
        password: DEMO.password,
      });
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session',
          method: 'POST',
          headers: {
            Host: `rebind.example:${port}`,
            Origin: foreign,
            'Content-Type': 'application/json',
            'X-CCI-Console': '1',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text, cookie: res.headers['set-cookie'] }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
  expect(answer.status).toBe(403);
  expect(answer.cookie).toBeUndefined();
  expect(JSON.parse(answer.body)).toMatchObject({ reason: 'Forbidden' });
});
