/** Strings of the apply workflow: templates, edit, diff, dry run, results, drafts, conflicts. English; loaded with the screens that use it (i18n/catalogs.ts). */
export const en = {
  workflow: {
    newTitle: 'New from template',
    editTitle: 'Edit {{kind}} {{name}}',
    newEntry: 'New from template',
    editEntry: 'Edit YAML',
    template: 'Template',
    templatePlaceholder: 'Pick a manifest of the CCI guide',
    templateHint: 'Chapter {{chapter}} of the CCI developer guide; namespace set to {{namespace}}.',
    correctedHint: 'The guide’s own version of this manifest has a mistake; this one is corrected.',
    noTemplate: 'Pick a template, or write or paste manifests (several separated by ---).',
    unknownTemplate: 'There is no template "{{id}}".',
    dryRun: 'Validate on server',
    apply: 'Apply',
    review: 'Review changes',
    backToEdit: 'Back to editing',
    diffHint: 'Left: the live object. Right: what Apply sends. You can still edit on the right.',
    loadingLive: 'Loading the live object…',
    problems: '{{count}} problems found in the editor',
    problemLine: 'Line {{line}}',
    results: {
      title: 'Result',
      dryRunTitle: 'Server dry run (nothing was changed)',
      notApplied: 'Nothing was applied: fix the documents marked below and apply again.',
      line: 'line {{line}}',
      openList: 'Open list',
      created: 'created',
      configured: 'configured',
      unchanged: 'unchanged',
      error: 'error',
      skipped: 'not applied',
      wouldCreate: 'would be created',
      wouldConfigure: 'would be configured',
      wouldStayUnchanged: 'unchanged',
    },
    problem: {
      empty: 'The editor holds no document to apply.',
      notAnObject: 'This document is not a mapping with apiVersion, kind and metadata.',
      unknownKind:
        'apiVersion "{{apiVersion}}" kind "{{kind}}" is not a kind CCI serves: check both fields.',
      noName: 'metadata.name is missing: every object needs a name.',
      network: 'The request failed: {{error}}',
    },
    draft: {
      restored: 'Your unsaved draft from {{time}} was restored.',
      discard: 'Discard draft',
      secretValuesRemoved:
        'Secret values are never kept in drafts: the saved copy has them blanked, fill them in again before applying.',
      notSavedSecret:
        'This Secret does not parse, so no draft is kept (its values would be stored in clear text).',
      missingSecretValues:
        'Apply waits until these values are typed again (or the draft is discarded): {{fields}}.',
    },
    conflict: {
      title: 'Someone changed this object while you were editing',
      body: 'The server has a newer version (resourceVersion {{resourceVersion}}); your change was not applied.',
      reapply: 'Re-apply my changes on the newer version',
      both: 'You and the server both changed {{fields}}; your values are kept, check them in the diff.',
    },
  },
};
