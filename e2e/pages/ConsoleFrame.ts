import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every /r/:region/ns/:namespace/... screen: top bar and sidebar. */
export class ConsoleFrame {
  readonly namespaceSwitcher: Locator;
  readonly languageSwitch: Locator;
  readonly userMenu: Locator;

  constructor(readonly page: Page) {
    // Named in English: the tests that switch language use the language switch, named by its
    // group ("Language"/"语言") and its buttons in their own script.
    this.namespaceSwitcher = page.getByRole('combobox', { name: /^(Namespace|命名空间)$/ });
    this.languageSwitch = page.getByRole('group', { name: /^(Language|语言)$/ });
    this.userMenu = page.getByRole('button', { name: /^(User menu|用户菜单)$/ });
  }

  async expectShown(): Promise<void> {
    await expect(this.userMenu).toBeVisible();
  }

  /** The sidebar link to a list, by the list's address (its name depends on the language). */
  nav(plural: string): Locator {
    return this.page
      .getByRole('navigation')
      .getByRole('link')
      .and(this.page.locator(`[href$="/${plural}"]`));
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
    await this.page.getByRole('menuitem', { name: /^(Sign out|退出登录)$/ }).click();
  }
}
