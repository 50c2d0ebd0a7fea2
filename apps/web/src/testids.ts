/**
 * Test hooks for what has no accessible name of its own; everything else is found by role and
 * visible name (e2e/pages/, as an operator finds it). Never shipped: the production build stubs
 * this module and strips every data-testid (build/testIds.ts).
 *
 * - Lists: the table's rows by metadata.name (row-<name>, select-row-<name>) and the table
 *   (ResourceTable.test.tsx).
 * - Metrics, actions, editor (and the details' feature tabs): their page objects still use these ids (see
 *   docs/architecture.md "Web layout": to be converted with those features). Metrics charts
 *   carry data-points / data-last; the pod panel data-state (ok | metrics-off | not-running | error).
 */
export const testIds = {
  resourceTable: 'resource-table',
  editorEntryNew: 'editor-new',
  editorEntryEdit: 'details-edit-yaml',
  editorTemplate: 'editor-template',
  editorYaml: 'editor-yaml',
  editorProblems: 'editor-problems',
  editorDryRun: 'editor-dry-run',
  editorApply: 'editor-apply',
  editorReview: 'editor-review',
  editorDiff: 'editor-diff',
  editorResults: 'editor-results',
  editorConflict: 'editor-conflict',
  editorReapply: 'editor-reapply',
  editorDraft: 'editor-draft',
  editorDraftMissing: 'editor-draft-missing',
  yamlEditor: 'yaml-editor',
  yamlDiffEditor: 'yaml-diff-editor',
} as const;

export const rowTestId = (name: string): string => `row-${name}`;
