import { expect, type Locator, type Page } from '@playwright/test';
import { en as formsEn } from '../../apps/web/src/features/forms/forms.en.ts';
import { en as podEn } from '../../apps/web/src/features/pod-template/podTemplate.en.ts';
import { en as workloadEn } from '../../apps/web/src/features/workload-forms/workloadForms.en.ts';
import { EditorPage, MONACO_FIRST_LOAD_MS } from './EditorPage.ts';

const f = formsEn.forms;
const w = workloadEn.workloadForms;
const p = podEn.podTemplate;

/**
 * A create or edit form (Deployment, Job, CronJob): its inputs by label, the YAML side panel
 * (the Monaco editor), the list of fields it keeps, the diff and the actions; English UI.
 */
export class ObjectFormPage {
  readonly name: Locator;
  readonly image: Locator;
  readonly replicas: Locator;
  readonly schedule: Locator;
  readonly yamlSwitch: Locator;
  readonly yamlPanel: Locator;
  readonly diff: Locator;
  readonly createButton: Locator;
  readonly updateButton: Locator;
  readonly problems: Locator;
  private readonly editor: EditorPage;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: w.name, exact: true });
    this.image = page.getByRole('textbox', { name: p.image, exact: true });
    this.replicas = page.getByRole('textbox', { name: w.replicas, exact: true });
    this.schedule = page.getByRole('textbox', { name: w.schedule, exact: true });
    this.yamlSwitch = page.getByRole('switch', { name: f.showYaml, exact: true });
    this.yamlPanel = page.getByRole('region', { name: f.yamlPanel, exact: true });
    this.diff = page.getByRole('region', { name: f.diff, exact: true });
    this.createButton = page.getByRole('button', { name: f.create, exact: true });
    this.updateButton = page.getByRole('button', { name: f.update, exact: true });
    this.problems = page.getByRole('region', { name: f.problems, exact: true });
    this.editor = new EditorPage(page);
  }

  /** The alert naming the fields the form keeps without showing them. */
  kept(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /The form keeps \d+ fields? it has/ });
  }

  async showYaml(): Promise<void> {
    await this.yamlSwitch.check();
    await expect(this.yamlPanel.locator('.monaco-editor .view-lines').first()).toBeVisible({
      timeout: MONACO_FIRST_LOAD_MS,
    });
  }

  yamlText(): Promise<string> {
    return this.editor.text(this.yamlPanel);
  }

  /** Replaces the YAML panel's text as a paste does. */
  async setYaml(text: string): Promise<void> {
    await this.editor.setText(text, this.yamlPanel);
  }

  async review(): Promise<void> {
    await this.page.getByRole('button', { name: f.review, exact: true }).click();
    await expect(this.diff.locator('.monaco-editor .view-lines').first()).toBeVisible({
      timeout: MONACO_FIRST_LOAD_MS,
    });
  }

  diffText(): Promise<string> {
    return this.editor.text(this.diff);
  }
}
