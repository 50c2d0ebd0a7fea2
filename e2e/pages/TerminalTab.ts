import { expect, type Locator, type Page } from '@playwright/test';

/** A pod's Terminal tab: found by role and visible name (English UI). */
export class TerminalTab {
  readonly tab: Locator;
  readonly screen: Locator;
  readonly connectedStatus: Locator;
  readonly notice: Locator;
  readonly shell: Locator;
  readonly reconnect: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Terminal' });
    this.screen = page.getByRole('region', { name: 'Terminal screen' });
    this.connectedStatus = page.getByRole('status').filter({ hasText: /^Connected to/ });
    this.notice = page.getByRole('alert');
    this.shell = page.getByRole('textbox', { name: 'Shell' });
    this.reconnect = page.getByRole('button', { name: 'Reconnect' });
  }

  /** Opens the tab and waits for the shell it starts. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.connectedStatus).toBeVisible({ timeout: 30_000 });
  }

  /** Types a command line into the terminal (xterm reads the keyboard) and presses Enter. */
  async run(command: string): Promise<void> {
    await this.screen.click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  async expectOutput(text: string | RegExp): Promise<void> {
    await expect(this.screen).toContainText(text, { timeout: 15_000 });
  }
}
