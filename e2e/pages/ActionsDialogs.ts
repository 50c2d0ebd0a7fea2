import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../apps/web/src/features/actions/actions.en.ts';

const t = en.actions;
type Action =
  'deleteSelected' | 'deleteBySelector' | 'editLabels' | 'scale' | 'rollback' | 'delete' | 'logs';
const actionNames: Record<Action, string | RegExp> = {
  deleteSelected: /^Delete selected \(\d+\)$/,
  deleteBySelector: t.deleteBySelector,
  editLabels: t.editLabels,
  scale: t.scale,
  rollback: t.rollback,
  delete: t.delete,
  logs: t.logs,
};
/** The action button that ends each dialog (DialogButtons), by its visible name. */
const submitName = new RegExp(
  `^(${[t.delete, t.apply, t.overwrite, t.scale, t.rollback].join('|')})$`,
);

/**
 * The object actions (features/actions/), as an operator finds them (English UI): the list
 * toolbar with its row checkboxes, the details "Actions" menu, and the dialogs (delete,
 * labels, scale, rollback), all by role and visible name.
 */
export class ActionsDialogs {
  readonly dialog: Locator;
  readonly targets: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly selector: Locator;
  readonly confirmNames: Locator;
  readonly labelsInput: Locator;
  readonly overwritePrompt: Locator;
  readonly scaleCurrent: Locator;
  readonly scaleDesired: Locator;
  readonly scaleInput: Locator;
  readonly revision: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.targets = this.dialog.getByRole('list', { name: t.targetsLabel });
    this.submit = this.dialog.getByRole('button', { name: submitName });
    this.error = this.dialog.getByRole('alert').filter({ hasNotText: t.overwriteTitle });
    this.selector = this.dialog.getByRole('textbox', { name: t.selectorLabel });
    this.confirmNames = this.dialog.getByRole('textbox', { name: t.typeToConfirmLabel });
    this.labelsInput = this.dialog.getByRole('textbox', { name: t.changesLabel });
    this.overwritePrompt = this.dialog.getByRole('alert', { name: t.overwriteTitle });
    this.scaleCurrent = this.scaleCell(t.scaleCurrent);
    this.scaleDesired = this.scaleCell(t.scaleDesired);
    this.scaleInput = this.dialog.getByRole('textbox', { name: t.scaleNew });
    this.revision = this.dialog.getByRole('combobox', { name: t.revision });
  }

  /** The value beside a row header of the scale dialog's table. */
  private scaleCell(header: string): Locator {
    return this.dialog.getByRole('row', { name: header }).getByRole('cell');
  }

  /** Ticks the checkbox of a list row. */
  async select(...names: string[]): Promise<void> {
    for (const name of names) {
      await this.page
        .getByRole('checkbox', { name: t.selectRow.replace('{{name}}', name), exact: true })
        .check();
    }
  }

  /** A toolbar button of the list, by its visible name. */
  button(action: Action): Locator {
    return this.page.getByRole('button', { name: actionNames[action], exact: true });
  }

  /** Details page: opens the "Actions" menu and picks an item. */
  async fromMenu(action: 'editLabels' | 'scale' | 'rollback' | 'delete' | 'logs'): Promise<void> {
    await this.page.getByRole('button', { name: t.menu, exact: true }).click();
    await this.page.getByRole('menuitem', { name: actionNames[action], exact: true }).click();
  }

  /** The names a deletion confirmation lists, in order. */
  async targetNames(): Promise<string[]> {
    await expect(this.targets).toBeVisible();
    return this.targets.getByRole('listitem').allTextContents();
  }
}
