import { expect, test, type Page } from '@playwright/test';
import { MONACO_FIRST_LOAD_MS } from '../pages/EditorPage.ts';
import { signInToDemoNamespace } from '../pages/session.ts';

// Rule IDs (N2, E5, P3 ...) belong in tests and docs, not on an operator's screen: every main
// screen, in both languages, shows none outside code, the YAML editor and "Learn more" links.
const ruleId = /\b[A-Z]{1,3}\d\b/;
const base = '/r/cn-north-4/ns/demo';

/** The visible text of the page, leaving out code, Monaco and "Learn more" links. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = 'code, pre, .monaco-editor, [data-learn-more], script, style, noscript';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    // Labels and placeholders are text a user reads too.
    for (const el of Array.from(
      document.querySelectorAll('[aria-label], [placeholder], [title]'),
    )) {
      if (el.closest(skip)) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) parts.push(el.getAttribute(a) ?? '');
    }
    return parts.join('\n');
  });
}

async function expectNoRuleIds(page: Page, screen: string): Promise<void> {
  // Wait until the screen has drawn something beyond the frame, then read it.
  await expect(page.getByRole('main')).not.toBeEmpty();
  const lines = (await shownText(page)).split('\n').filter((line) => ruleId.test(line));
  expect(lines, `${screen}: rule IDs in the text`).toEqual([]);
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`N2 N5 E5 E8 P3 no rule IDs on the main screens (${language})`, async ({ page }) => {
    test.setTimeout(4 * 60_000 + MONACO_FIRST_LOAD_MS);
    const frame = await signInToDemoNamespace(page);
    if (language === 'zh-CN') await frame.switchLanguage('中文');
    const next = page.getByRole('button', { name: /^(Next|下一步)$/ });

    await page.goto(`${base}/namespaces`);
    await expect(page.getByRole('link', { name: 'demo', exact: true })).toBeVisible();
    await expectNoRuleIds(page, 'namespaces');

    await page.goto(`${base}/pods`);
    const podLink = page.getByRole('link', { name: /^nginx-[a-z0-9]+-[a-z0-9]{5}$/ }).first();
    await expect(podLink).toBeVisible();
    await expectNoRuleIds(page, 'pods');

    await podLink.click();
    await expect(page).toHaveURL(/\/pods\/nginx-/);
    await expect(page.getByRole('heading', { name: /^nginx-/ }).first()).toBeVisible();
    await expectNoRuleIds(page, 'pod details');

    await page.goto(`${base}/deployments/nginx`);
    await expect(page.getByRole('heading', { name: 'nginx', exact: true }).first()).toBeVisible();
    await expectNoRuleIds(page, 'deployment details');

    await page.goto(`${base}/eippools`);
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectNoRuleIds(page, 'EIP pools');

    await page.goto(`${base}/imagesnapshots`);
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectNoRuleIds(page, 'snapshots');

    // The GPU pod template: its seed notes name P3 and the PDF repair.
    await page.goto(`${base}/editor?template=04-02-pod-gpu`);
    await expect(page.locator('.monaco-editor').first()).toBeVisible({
      timeout: MONACO_FIRST_LOAD_MS,
    });
    await expect(page.locator('.monaco-editor').first()).toContainText('nvidia');
    await expect(page.locator('.monaco-editor').first()).not.toContainText('PDF damage');
    await expectNoRuleIds(page, 'YAML editor');

    await page.goto(`${base}/create/namespace`);
    await expect(next).toBeVisible();
    await expectNoRuleIds(page, 'namespace wizard: type');
    await next.click();
    await page.getByRole('textbox', { name: /^(Name|名称)$/ }).fill('e2e-no-rule-ids');
    await expectNoRuleIds(page, 'namespace wizard: name');
    await next.click();
    // Nothing typed yet: no field is marked invalid.
    await expect(page.locator('input[aria-invalid="true"]')).toHaveCount(0);
    await expectNoRuleIds(page, 'namespace wizard: network');
  });
}
