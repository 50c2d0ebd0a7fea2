import { expect, type Locator, type Page } from '@playwright/test';

/** The in-place sign-in dialog shown over any screen once the session has ended. */
export class SessionDialog {
  readonly root: Locator;
  readonly domain: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The refusal of a wrong password, inside the dialog. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Your session has ended' });
    this.domain = this.root.getByRole('textbox', { name: 'Account name' });
    this.password = this.root.getByLabel(/^Password/);
    this.submit = this.root.getByRole('button', { name: 'Sign in' });
    this.error = this.root.getByRole('alert');
  }

  /** Ends the session on the server with this page's own cookie, as another tab signing out would. */
  async expireFromElsewhere(): Promise<void> {
    const answer = await this.page.request.delete('/api/session', {
      // The BFF's CSRF check wants the console's header and its own Origin.
      headers: { 'X-CCI-Console': '1', Origin: new URL(this.page.url()).origin },
    });
    expect(answer.status()).toBeLessThan(300);
  }

  /** The dialog keeps the account and user of the ended session: only the password is needed. */
  async signInAgain(password: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.password.fill(password);
    await this.submit.click();
    await expect(this.root).toBeHidden();
  }
}
