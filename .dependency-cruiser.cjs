/**
 * The repo's import-circle check (`npm run check:cycles`, part of `npm run check`).
 * Type-only imports count too (tsPreCompilationDeps): a circle through `import type` costs
 * nothing at run time, but it still ties the files into one unit a reader must take in whole.
 * Workspace packages (`@cci/model`…) resolve through their `exports` to their src/ files, so a
 * circle that crosses packages is found as well.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: move what both sides need into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-workspaces',
      severity: 'error',
      comment: 'Two workspaces import each other (tests and testkits included).',
      scope: 'folder',
      from: { path: '^(apps/[^/]+|packages/[^/]+|e2e)(/|$)' },
      to: { circular: true, pathNot: '^$1(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist', '(^|/)\\.turbo/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
