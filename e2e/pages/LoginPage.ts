import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

export const DEMO = { domain: 'cci-demo', user: 'cci-demo', password: 'Demo@12345' };

/** The sign-in page (/login): password tab by default. */
export class LoginPage {
  readonly domain: Locator;
  readonly user: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly demoHint: Locator;

  constructor(readonly page: Page) {
    this.domain = page.getByTestId(testIds.loginDomain);
    this.user = page.getByTestId(testIds.loginUser);
    this.password = page.getByTestId(testIds.loginPassword);
    this.submit = page.getByTestId(testIds.loginSubmit);
    this.error = page.getByTestId(testIds.loginError);
    this.demoHint = page.getByTestId(testIds.loginDemo);
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.submit).toBeVisible();
  }

  async signIn(account: { domain: string; user: string; password: string }): Promise<void> {
    await this.domain.fill(account.domain);
    await this.user.fill(account.user);
    await this.password.fill(account.password);
    await this.submit.click();
  }
}
