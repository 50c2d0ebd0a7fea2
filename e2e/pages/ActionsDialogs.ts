import { expect, type Locator, type Page } from '@playwright/test';
import { selectRowTestId, testIds } from './testIds.ts';

/**
 * The object actions (features/actions/): the list toolbar with its row checkboxes, the
 * details "Actions" menu, and the dialogs (delete, labels, scale, rollback).
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
    this.dialog = page.getByTestId(testIds.actionsDialog);
    this.targets = page.getByTestId(testIds.actionsTargets);
    this.submit = page.getByTestId(testIds.actionsSubmit);
    this.error = page.getByTestId(testIds.actionsError);
    this.selector = page.getByTestId(testIds.actionsSelector);
    this.confirmNames = page.getByTestId(testIds.actionsConfirmNames);
    this.labelsInput = page.getByTestId(testIds.actionsLabelsInput);
    this.overwritePrompt = page.getByTestId(testIds.actionsOverwritePrompt);
    this.scaleCurrent = page.getByTestId(testIds.actionsScaleCurrent);
    this.scaleDesired = page.getByTestId(testIds.actionsScaleDesired);
    this.scaleInput = page.getByTestId(testIds.actionsScaleInput);
    this.revision = page.getByTestId(testIds.actionsRevision);
  }

  /** Ticks the checkbox of a list row. */
  async select(...names: string[]): Promise<void> {
    for (const name of names) await this.page.getByTestId(selectRowTestId(name)).check();
  }

  /** A toolbar button of the list (or an item of the open details menu): same test ids. */
  button(
    action: 'deleteSelected' | 'deleteBySelector' | 'editLabels' | 'scale' | 'rollback' | 'delete',
  ): Locator {
    const ids = {
      deleteSelected: testIds.actionsDeleteSelected,
      deleteBySelector: testIds.actionsDeleteBySelector,
      editLabels: testIds.actionsEditLabels,
      scale: testIds.actionsScale,
      rollback: testIds.actionsRollback,
      delete: testIds.actionsDelete,
    };
    return this.page.getByTestId(ids[action]);
  }

  /** Details page: opens the "Actions" menu and picks an item. */
  async fromMenu(action: 'editLabels' | 'scale' | 'rollback' | 'delete'): Promise<void> {
    await this.page.getByTestId(testIds.actionsMenu).click();
    await this.button(action).click();
  }

  /** The names a deletion confirmation lists, in order. */
  async targetNames(): Promise<string[]> {
    await expect(this.targets).toBeVisible();
    return this.targets.getByRole('listitem').allTextContents();
  }
}
