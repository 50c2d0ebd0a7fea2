import { expect, type Locator, type Page } from '@playwright/test';

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
    this.domain = page.getByRole('textbox', { name: 'Account name' });
    this.user = page.getByRole('textbox', { name: 'IAM user name' });
    // A password input has no role; its label ends in the required mark.
    this.password = page.getByLabel(/^Password/);
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByRole('alert');
    this.demoHint = page.getByRole('note').filter({ hasText: 'Demo account' });
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
