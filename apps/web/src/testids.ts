/**
 * Stable test hooks of the web console, shared with the Playwright page objects in e2e/pages/.
 *
 * Contract (do not rename without updating e2e/pages/):
 *
 * Sign-in page (/login)
 *   login-region        region picker (native <select>, option values are region ids; "Region")
 *   login-tab-password  toggle button "Password"
 *   login-tab-aksk      toggle button "AK/SK"
 *   login-domain        account (domain) name input ("Account name")
 *   login-user          IAM user name input ("IAM user name")
 *   login-password      password input ("Password")
 *   login-access-key    access key input ("Access key ID")
 *   login-secret-key    secret key input ("Secret access key")
 *   login-project       project name input ("Project name")
 *   login-submit        submit button ("Sign in")
 *   login-error         form-level error alert (role=alert), present only after a failure
 *   login-demo          demo-account hint, present only when /api/regions reports one
 *
 * Frame (every /r/:region/ns/:namespace/... screen)
 *   nav-<plural>        sidebar link of a resource, plural as in @cci/model kinds
 *                       (nav-namespaces, nav-deployments, nav-pods, nav-jobs, nav-cronjobs,
 *                       nav-services, nav-ingresses, nav-networks, nav-eippools,
 *                       nav-persistentvolumeclaims, nav-configmaps, nav-secrets, nav-imagesnapshots)
 *   region-switcher     region <select> in the top bar ("Region"), option values are region ids
 *   namespace-switcher  namespace input in the top bar ("Namespace", <datalist> suggestions);
 *                       type a name + Enter
 *   language-switch     group of two toggle buttons ("Language"): "中文", "English"
 *   user-menu           user menu button ("User menu")
 *   download-kubeconfig menu item linking to /api/kubeconfig
 *   sign-out            menu item ("Sign out")
 *
 * Lists
 *   resource-table      the table element of any resource list (role=table)
 *   row-<name>          a table row, by metadata.name
 *   name-search         name search input ("Search by name")
 *   label-filter        label selector input ("Label selector"); its error has id label-filter-error
 *   resource-count      the "N items" text above a table
 *
 * Details (/r/:region/ns/:namespace/:resource/:name)
 *   details-title       heading with the resource name
 *   details-tab-overview, details-tab-raw   tabs; details-raw is the <pre> with the JSON/YAML
 *   details-tab-events  Events tab; details-events its table (absent when there are none)
 *   details-related     related objects; related-group-<id> one row (relOwner, relReplicaSets,
 *                       relPods, relEndpoints, relNetworks, relEip, relEipPool, relImageSnapshot, ...)
 *   related-<plural>-<name>  link to a related object; related-text-<name> a plain one (an EIP)
 *   details-conditions, details-annotations (rows annotation-<key>), details-labels, details-status
 *   details-yaml        the YAML view (editor once loaded)
 *
 * Errors and session (features/errors/, features/session/)
 *   status-error        an upstream Status shown in full (role=alert); status-cause rows in it
 *   session-expired     the in-place sign-in dialog after a 401; it reuses the login-* ids
 *   bff-unreachable     banner while the BFF cannot be reached (it retries by itself)
 *
 * Metrics (features/metrics/)
 *   details-tab-metrics  the Metrics tab of pod, deployment and namespace details
 *   metrics-panel        pod charts; data-state = ok | metrics-off | not-running | error
 *   metrics-state        the explanation shown when the state is not ok
 *   metrics-range        range control (5 min / 15 min / 1 h); metrics-aggregation: summed/per container
 *   metrics-chart-<id>   one chart (cpu, memory, network, fsIo, fsUsage, processes, gpuDuty,
 *                        gpuMemory); data-points = rows plotted, data-last = newest sample (epoch ms)
 *   metrics-overview     top pods by CPU and memory (namespace and deployment details)
 *
 * Actions (features/actions/: delete, labels L1, scale, rollout undo D5)
 *   select-row-<name>   row checkbox of a list; select-all-rows selects every shown row
 *   actions-toolbar     buttons above a list: actions-delete-selected, actions-delete-by-selector
 *                       (plus actions-edit-labels / actions-scale / actions-rollback for one row)
 *   actions-menu        "Actions" menu button on details; items use the same ids as the toolbar,
 *                       and actions-delete
 *   actions-dialog      any action dialog; data-action = delete | labels | scale | rollback
 *   actions-targets     the list of objects a deletion removes (one <li> per name)
 *   actions-selector    label selector input of "delete by selector"
 *   actions-confirm-names  typed confirmation input (namespaces)
 *   actions-labels-input   `key=value key-` changes; actions-overwrite-prompt lists overwrites
 *   actions-scale-current, actions-scale-desired (numbers), actions-scale-input
 *   actions-revision    revision select of a rollback
 *   actions-submit      the dialog's primary button (Delete / Apply / Overwrite / Scale / Roll back)
 *   actions-error       upstream Status message(s) of a failed action (role=alert)
 *
 * Wizards (features/wizards/: namespace + network N1-N8, EIP pools E1-E9, image snapshots S1-S6)
 *   create-namespace, create-eippool, create-snapshot  list toolbar buttons; manage-eippools,
 *                       manage-snapshots open the pool manager / snapshot overview
 *   create-network-for-<ns>  N4: "create network" for an abnormal namespace (list toolbar)
 *   delete-namespace-pick, delete-namespace  list toolbar: pick a namespace, open the delete dialog
 *   delete-contents, delete-confirm-name, delete-confirm  the delete dialog (typed name)
 *   wizard-next, wizard-back, wizard-create, wizard-yaml (the manifests on the review step)
 *   ns-flavor-general, ns-flavor-gpu, ns-name, ns-enterprise-project
 *   net-vpc, net-subnet, net-network-id, net-cidr, net-security-group, net-domain-id,
 *   net-project-id, net-cidr-confirm (N6 confirmation checkbox)
 *   job-status (data-step = checking | creatingNamespace | creatingNetwork | networkInitializing |
 *   done | networkFailed | namespaceFailed | deleting | deleted), job-progress, job-done,
 *   job-error, job-retry-network, job-delete-namespace
 *   pool-<name>         one pool card of the manager; pool-usage-<name> its "used/total" text
 *   pool-mode, pool-amount, pool-network-type, pool-ip-version, pool-share-type,
 *   pool-bandwidth-id, pool-bandwidth-name, pool-bandwidth-size, pool-charge-mode, pool-eips
 *   (static addresses, one per line), pool-name, pool-errors, pool-capacity-<name> (E8 warning)
 *   pool-scale-<name>, pool-delete-<name>, pool-edit-eips-<name>, pool-dialog-input,
 *   pool-dialog-submit, pool-dialog-message, pool-delete-blocked (E6: pods listed)
 *   snapshot-name, snapshot-image-<i>, snapshot-add-image, snapshot-registry-server-<i>,
 *   snapshot-registry-user-<i>, snapshot-registry-password-<i>, snapshot-add-registry,
 *   snapshot-building-ns, snapshot-volume-type, snapshot-volume-size, snapshot-ttl,
 *   snapshot-card-<name> (data-phase = Creating | Available | Unavailable | Deleting),
 *   snapshot-delete-<name>
 *   create-deployment  Deployments list toolbar button; snapshot-use-<name> on an Available
 *                       snapshot card opens the same form with that snapshot specified (S3)
 *   wl-name, wl-image, wl-replicas, wl-cpu, wl-memory, wl-port, wl-eip-mode (values none | pool |
 *   withPod | existing), wl-eip-pool, wl-eip-id, wl-bandwidth-size, wl-shared-bandwidth,
 *   wl-bandwidth-id, wl-wait-eip (EIP7 checkbox), wl-snapshot-mode (none | auto | specified),
 *   wl-snapshot-name, wl-snapshot-auto (S3 conflict checkbox), wl-snapshot-error (its S3
 *   error), wl-problems (rule problems not
 *   tied to one input, data-rules = their rule IDs), wl-error (server refusal, role=alert)
 *
 * Editor workflow (features/editor/workflow/: templates, apply, edit, diff, conflicts)
 *   editor-new          "New from template" entry of the frame; details-edit-yaml on details
 *   editor-template     template select (Mantine Select input, "Template")
 *   editor-yaml         wrapper of the YAML editor; editor-diff wrapper of the diff editor
 *   editor-problems     list of the editor's diagnostics (one <li> per problem, "Line n: ...")
 *   editor-dry-run, editor-apply, editor-review   buttons (server dry run, apply, show diff)
 *   editor-results      apply results; rows editor-result-<index> with data-outcome = created |
 *                       configured | unchanged | error | skipped
 *   editor-conflict     409 alert; editor-reapply re-applies the change on the newer object
 *   editor-draft        notice about a restored / not stored draft
 *   yaml-editor, yaml-diff-editor   the Monaco host elements themselves (features/editor/)
 */
export const testIds = {
  loginRegion: 'login-region',
  loginTabPassword: 'login-tab-password',
  loginTabAksk: 'login-tab-aksk',
  loginDomain: 'login-domain',
  loginUser: 'login-user',
  loginPassword: 'login-password',
  loginAccessKey: 'login-access-key',
  loginSecretKey: 'login-secret-key',
  loginProject: 'login-project',
  loginSubmit: 'login-submit',
  loginError: 'login-error',
  loginDemo: 'login-demo',
  regionSwitcher: 'region-switcher',
  namespaceSwitcher: 'namespace-switcher',
  languageSwitch: 'language-switch',
  userMenu: 'user-menu',
  downloadKubeconfig: 'download-kubeconfig',
  signOut: 'sign-out',
  resourceTable: 'resource-table',
  nameSearch: 'name-search',
  labelFilter: 'label-filter',
  resourceCount: 'resource-count',
  detailsTitle: 'details-title',
  detailsTabOverview: 'details-tab-overview',
  detailsTabRaw: 'details-tab-raw',
  detailsRaw: 'details-raw',
  detailsTabEvents: 'details-tab-events',
  detailsEvents: 'details-events',
  detailsRelated: 'details-related',
  detailsConditions: 'details-conditions',
  detailsAnnotations: 'details-annotations',
  detailsLabels: 'details-labels',
  detailsStatus: 'details-status',
  detailsYaml: 'details-yaml',
  statusError: 'status-error',
  statusCause: 'status-cause',
  sessionExpired: 'session-expired',
  bffUnreachable: 'bff-unreachable',
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
  createNamespace: 'create-namespace',
  createEipPool: 'create-eippool',
  createSnapshot: 'create-snapshot',
  manageEipPools: 'manage-eippools',
  manageSnapshots: 'manage-snapshots',
  createNetworkFor: 'create-network-for',
  deleteContents: 'delete-contents',
  deleteConfirmName: 'delete-confirm-name',
  deleteConfirm: 'delete-confirm',
  wizardNext: 'wizard-next',
  wizardBack: 'wizard-back',
  wizardCreate: 'wizard-create',
  wizardYaml: 'wizard-yaml',
  nsFlavorGeneral: 'ns-flavor-general',
  nsFlavorGpu: 'ns-flavor-gpu',
  nsName: 'ns-name',
  nsEnterpriseProject: 'ns-enterprise-project',
  netVpc: 'net-vpc',
  netSubnet: 'net-subnet',
  netNetworkId: 'net-network-id',
  netCidr: 'net-cidr',
  netSecurityGroup: 'net-security-group',
  netDomainId: 'net-domain-id',
  netProjectId: 'net-project-id',
  netCidrConfirm: 'net-cidr-confirm',
  jobStatus: 'job-status',
  jobProgress: 'job-progress',
  jobDone: 'job-done',
  jobError: 'job-error',
  jobRetryNetwork: 'job-retry-network',
  jobDeleteNamespace: 'job-delete-namespace',
  poolMode: 'pool-mode',
  poolName: 'pool-name',
  poolAmount: 'pool-amount',
  poolNetworkType: 'pool-network-type',
  poolIpVersion: 'pool-ip-version',
  poolShareType: 'pool-share-type',
  poolBandwidthId: 'pool-bandwidth-id',
  poolBandwidthName: 'pool-bandwidth-name',
  poolBandwidthSize: 'pool-bandwidth-size',
  poolChargeMode: 'pool-charge-mode',
  poolEips: 'pool-eips',
  poolErrors: 'pool-errors',
  poolDialogInput: 'pool-dialog-input',
  poolDialogSubmit: 'pool-dialog-submit',
  poolDialogMessage: 'pool-dialog-message',
  poolDeleteBlocked: 'pool-delete-blocked',
  snapshotName: 'snapshot-name',
  snapshotAddImage: 'snapshot-add-image',
  snapshotAddRegistry: 'snapshot-add-registry',
  snapshotBuildingNs: 'snapshot-building-ns',
  snapshotVolumeType: 'snapshot-volume-type',
  snapshotVolumeSize: 'snapshot-volume-size',
  snapshotTtl: 'snapshot-ttl',
  createDeployment: 'create-deployment',
  wlName: 'wl-name',
  wlImage: 'wl-image',
  wlReplicas: 'wl-replicas',
  wlCpu: 'wl-cpu',
  wlMemory: 'wl-memory',
  wlPort: 'wl-port',
  wlEipMode: 'wl-eip-mode',
  wlEipPool: 'wl-eip-pool',
  wlEipId: 'wl-eip-id',
  wlBandwidthSize: 'wl-bandwidth-size',
  wlSharedBandwidth: 'wl-shared-bandwidth',
  wlBandwidthId: 'wl-bandwidth-id',
  wlWaitEip: 'wl-wait-eip',
  wlSnapshotMode: 'wl-snapshot-mode',
  wlSnapshotName: 'wl-snapshot-name',
  wlSnapshotAuto: 'wl-snapshot-auto',
  wlSnapshotError: 'wl-snapshot-error',
  wlProblems: 'wl-problems',
  wlError: 'wl-error',
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

export const navTestId = (plural: string): string => `nav-${plural}`;
export const rowTestId = (name: string): string => `row-${name}`;
export const metricsChartTestId = (chart: string): string => `metrics-chart-${chart}`;
export const selectRowTestId = (name: string): string => `select-row-${name}`;
/** Per-object hooks of the wizards (see the Wizards section above). */
export const wizardTestId = (part: string, key: string | number): string => `${part}-${key}`;
