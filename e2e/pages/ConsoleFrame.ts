import { expect, type Locator, type Page } from '@playwright/test';
import { navTestId, testIds } from './testIds.ts';

/** The frame around every /r/:region/ns/:namespace/... screen: top bar and sidebar. */
export class ConsoleFrame {
  readonly namespaceSwitcher: Locator;
  readonly languageSwitch: Locator;
  readonly userMenu: Locator;

  constructor(readonly page: Page) {
    this.namespaceSwitcher = page.getByTestId(testIds.namespaceSwitcher);
    this.languageSwitch = page.getByTestId(testIds.languageSwitch);
    this.userMenu = page.getByTestId(testIds.userMenu);
  }

  async expectShown(): Promise<void> {
    await expect(this.userMenu).toBeVisible();
  }

  nav(plural: string): Locator {
    return this.page.getByTestId(navTestId(plural));
  }

  async open(plural: string): Promise<void> {
    await this.nav(plural).click();
    await expect(this.page).toHaveURL(new RegExp(`/${plural}(?:[/?#]|$)`));
  }

  /** The namespace combobox takes a typed name and Enter. */
  async switchNamespace(namespace: string): Promise<void> {
    await this.namespaceSwitcher.fill(namespace);
    await this.namespaceSwitcher.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`/ns/${namespace}(?:[/?#]|$)`));
  }

  /** The language switch shows each language in its own script: 'English', '中文'. */
  async switchLanguage(label: 'English' | '中文'): Promise<void> {
    await this.languageSwitch.getByText(label, { exact: true }).click();
  }

  async signOut(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByTestId(testIds.signOut).click();
  }
}
