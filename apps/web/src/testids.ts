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
  detailsTabMetrics: 'details-tab-metrics',
  metricsPanel: 'metrics-panel',
  metricsState: 'metrics-state',
  metricsRange: 'metrics-range',
  metricsAggregation: 'metrics-aggregation',
  metricsOverview: 'metrics-overview',
  actionsToolbar: 'actions-toolbar',
  actionsMenu: 'actions-menu',
  actionsDeleteSelected: 'actions-delete-selected',
  actionsDeleteBySelector: 'actions-delete-by-selector',
  actionsDelete: 'actions-delete',
  actionsEditLabels: 'actions-edit-labels',
  actionsScale: 'actions-scale',
  actionsRollback: 'actions-rollback',
  actionsDialog: 'actions-dialog',
  actionsTargets: 'actions-targets',
  actionsSelector: 'actions-selector',
  actionsConfirmNames: 'actions-confirm-names',
  actionsLabelsInput: 'actions-labels-input',
  actionsOverwritePrompt: 'actions-overwrite-prompt',
  actionsScaleCurrent: 'actions-scale-current',
  actionsScaleDesired: 'actions-scale-desired',
  actionsScaleInput: 'actions-scale-input',
  actionsRevision: 'actions-revision',
  actionsSubmit: 'actions-submit',
  actionsError: 'actions-error',
  selectAllRows: 'select-all-rows',
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
export const metricsChartTestId = (chart: string): string => `metrics-chart-${chart}`;
export const selectRowTestId = (name: string): string => `select-row-${name}`;
