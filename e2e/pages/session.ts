import type { Page } from '@playwright/test';
import { ConsoleFrame } from './ConsoleFrame.ts';
import { DEMO, LoginPage } from './LoginPage.ts';

/** Signs in with the demo account and opens the demo namespace; returns the frame. */
export async function signInToDemoNamespace(page: Page): Promise<ConsoleFrame> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO);
  const frame = new ConsoleFrame(page);
  await frame.expectShown();
  await frame.switchNamespace('demo');
  return frame;
}
