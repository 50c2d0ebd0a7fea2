/**
 * Stable test hooks of the web console, shared with the Playwright page objects in e2e/pages/.
 *
 * Contract (do not rename without updating e2e/pages/):
 *
 * Sign-in page (/login)
 *   login-region        region picker (Mantine Select input; accessible name "Region")
 *   login-tab-password  tab "Password"
 *   login-tab-aksk      tab "AK/SK"
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
 *   region-switcher     region select in the top bar ("Region")
 *   namespace-switcher  namespace combobox in the top bar ("Namespace"); type a name + Enter
 *   language-switch     language select ("Language"), values "en" | "zh-CN"
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
} as const;

export const navTestId = (plural: string): string => `nav-${plural}`;
export const rowTestId = (name: string): string => `row-${name}`;
