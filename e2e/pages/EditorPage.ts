import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../apps/web/src/features/editor/workflow/workflow.en.ts';

const t = en.workflow;
/** The problem list's heading, "<count> problems found in the editor", whatever the count. */
const problemsHeading = new RegExp(
  `^(${[t.problems_one, t.problems_other].map((s) => s.replace('{{count}}', '\\d+')).join('|')})$`,
);

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'error' | 'skipped';

/**
 * The first editor of a page downloads and parses Monaco (~4 MB of JS): measured 7-27 s on a
 * busy 2-core host, with or without the CSP shims, so the default 10 s is not enough.
 */
export const MONACO_FIRST_LOAD_MS = 60_000;

export interface Drawn {
  width: number;
  height: number;
  backgroundImage: string;
  backgroundColor: string;
}

/**
 * The YAML editor workflow (/r/:region/ns/:namespace/editor): template picker, the Monaco editor,
 * its problem list, dry run / review / apply, results and the 409 conflict alert; found as an
 * operator finds them (English UI), by role and visible name.
 */
export class EditorPage {
  readonly template: Locator;
  readonly editor: Locator;
  readonly diff: Locator;
  readonly problems: Locator;
  readonly results: Locator;
  readonly conflict: Locator;
  readonly draftNotice: Locator;
  readonly missingSecretValues: Locator;

  constructor(readonly page: Page) {
    this.template = page.getByRole('combobox', { name: t.template, exact: true });
    this.editor = page.getByRole('region', { name: t.editorLabel, exact: true });
    this.diff = page.getByRole('region', { name: t.diffLabel, exact: true });
    this.problems = page.getByRole('region', { name: problemsHeading });
    this.results = page
      .getByRole('region', { name: t.results.title, exact: true })
      .or(page.getByRole('region', { name: t.results.dryRunTitle, exact: true }));
    this.conflict = page.getByRole('alert', { name: t.conflict.title, exact: true });
    this.draftNotice = page.getByRole('alert', { name: t.draft.noticeLabel, exact: true });
    this.missingSecretValues = this.draftNotice.getByText(
      t.draft.missingSecretValues.split('{{fields}}')[0] ?? '',
    );
  }

  /** "New from template" in the top bar, then a template by its id prefix ("14-01"). */
  async openTemplate(idPrefix: string): Promise<void> {
    await this.newEntry().click();
    await this.template.click();
    await this.page.getByRole('option', { name: new RegExp(`^${idPrefix} `) }).click();
    await expect(this.page).toHaveURL(new RegExp(`template=${idPrefix}`));
    await this.waitForEditor(this.editor);
    // The empty editor shown before the pick is replaced by one holding the template text.
    await expect.poll(() => this.text()).not.toBe('');
  }

  /** "Edit YAML" on a details page. */
  async openEditFromDetails(): Promise<void> {
    await this.page.getByRole('link', { name: t.editEntry, exact: true }).click();
    await this.waitForEditor(this.editor);
  }

  /** "New from template" in the top bar. */
  newEntry(): Locator {
    return this.page.getByRole('link', { name: t.newEntry, exact: true });
  }

  /** "Apply" (disabled while a restored draft still lacks Secret values). */
  applyButton(): Locator {
    return this.page.getByRole('button', { name: t.apply, exact: true });
  }

  private async waitForEditor(host: Locator): Promise<void> {
    await expect(host.locator('.monaco-editor .view-lines').first()).toBeVisible({
      timeout: MONACO_FIRST_LOAD_MS,
    });
  }

  /**
   * The editor's text as Monaco renders it (every line of a short document is rendered).
   * Lines are absolutely positioned, so they are ordered by their `top`, not DOM order.
   */
  async text(host: Locator = this.editor): Promise<string> {
    const rows = await (
      await this.surface(host)
    )
      .locator('.view-lines .view-line')
      .evaluateAll((elements) =>
        elements.map((e) => ({
          top: parseFloat((e as HTMLElement).style.top || '0'),
          text: (e.textContent ?? '').replace(/\u00a0/g, ' '),
        })),
      );
    return rows
      .sort((a, b) => a.top - b.top)
      .map((r) => r.text)
      .join('\n');
  }

  /** The editable editor inside a host: the right side of a diff editor, else the editor. */
  private async surface(host: Locator): Promise<Locator> {
    const modified = host.locator('.editor.modified');
    return (await modified.count()) > 0 ? modified : host;
  }

  /**
   * Replaces the whole text the way a paste does: typed text would get Monaco's auto-indent on
   * every new line. The paste event goes to whatever element Monaco focused for input.
   */
  async setText(text: string, host: Locator = this.editor): Promise<void> {
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
    const surface = await this.surface(host);
    // Retried until the editor shows the text: a click right after a dropdown closed
    // may leave the focus elsewhere, and the paste would go nowhere.
    await expect(async () => {
      await surface.locator('.view-lines .view-line').first().click();
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.evaluate((value) => {
        const target = document.activeElement;
        if (!target) throw new Error('the editor has no focused input element');
        const data = new DataTransfer();
        data.setData('text/plain', value);
        target.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
      // Monaco redraws on the next frames (and scrolls to the cursor): read until it settles.
      await expect
        .poll(async () => rendersAsWindowOf(await this.text(host), text), { timeout: 3_000 })
        .toBe(true);
    }).toPass();
  }

  /** Error squiggles Monaco draws for the markers. */
  errorMarkers(): Locator {
    return this.editor.locator('.squiggly-error');
  }

  /** Line numbers in the gutter (of the right side, in a diff editor). */
  async lineNumbers(host: Locator = this.editor): Promise<Locator> {
    return (await this.surface(host)).locator('.line-numbers');
  }

  /**
   * How the browser drew an element: its box and computed background. Monaco positions and
   * sizes markers, line numbers and diff colours with styles a CSP can refuse; then the element
   * is there but has no width.
   */
  async drawn(target: Locator): Promise<Drawn> {
    return target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        width: box.width,
        height: box.height,
        backgroundImage: style.backgroundImage,
        backgroundColor: style.backgroundColor,
      };
    });
  }

  /**
   * Line numbers have the width Monaco gives each of them (so they line up on the right). A
   * refused style attribute leaves them as wide as their digits, and `style.width` empty.
   */
  async expectLineNumbersAligned(host: Locator = this.editor): Promise<void> {
    const numbers = await this.lineNumbers(host);
    await expect(numbers.first()).toBeVisible();
    const widths = await numbers.evaluateAll((elements) =>
      elements.map((e) => {
        const given = (e as HTMLElement).style.width;
        return given === '' ? 'none' : `${given}=${e.getBoundingClientRect().width}px`;
      }),
    );
    expect(widths.length).toBeGreaterThan(1);
    expect(new Set(widths).size, `line number widths ${widths.join(', ')}`).toBe(1);
    expect(widths[0]).toMatch(/^([1-9]\d*)px=\1px$/);
  }

  async dryRun(): Promise<void> {
    await this.page.getByRole('button', { name: t.dryRun, exact: true }).click();
  }

  async apply(): Promise<void> {
    await this.applyButton().click();
  }

  async review(): Promise<void> {
    await this.page.getByRole('button', { name: t.review, exact: true }).click();
    await this.waitForEditor(this.diff);
  }

  async reapplyAfterConflict(): Promise<void> {
    await this.page.getByRole('button', { name: t.conflict.reapply, exact: true }).click();
    await this.waitForEditor(this.diff);
  }

  /** The result of the document at `index` (one row per document, in document order). */
  result(index: number): Locator {
    return this.results.getByRole('listitem').nth(index);
  }

  async expectOutcome(index: number, outcome: ApplyOutcome): Promise<void> {
    await expect(this.result(index)).toHaveAttribute('data-outcome', outcome);
  }
}

/**
 * Whether the rendered lines are a run of the expected text's lines. Long texts scroll, so only a
 * window is rendered; a paste that missed the select-all (text inserted mid-line) renders lines
 * the expected text does not have, and so fails here and is retried.
 */
function rendersAsWindowOf(rendered: string, expected: string): boolean {
  const shown = rendered.trimEnd();
  const wanted = expected.trimEnd();
  if (wanted === '') return shown === '';
  const shownLines = shown.split('\n').length;
  return wanted.includes(shown) && shownLines >= Math.min(wanted.split('\n').length, 10);
}
