import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from './testIds.ts';

/** The in-place sign-in dialog shown over any screen once the session has ended. */
export class SessionDialog {
  readonly root: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId(testIds.sessionExpired);
    this.password = this.root.getByTestId(testIds.loginPassword);
    this.submit = this.root.getByTestId(testIds.loginSubmit);
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
