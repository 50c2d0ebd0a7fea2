/** Strings of the form framework (every create and edit form). English. */
export const en = {
  forms: {
    showYaml: 'YAML',
    yamlPanel: 'Manifest as YAML',
    yamlNotRead: 'The form keeps the last manifest it could read',
    yamlRefused: {
      syntax: 'The YAML does not parse yet: {{detail}}',
      notObject: 'The YAML must be one object (a mapping), not a list or a value.',
      otherKind: 'The YAML must stay a {{kind}}: this form edits that kind only.',
    },
    unshownTitle_one: 'The form keeps {{count}} field it has no input for',
    unshownTitle_other: 'The form keeps {{count}} fields it has no input for',
    unshownBody: 'They are sent as they are; change them in the YAML panel.',
    problems: 'Problems',
    create: 'Create',
    refused: 'The server refused it; nothing was changed.',
    refusedBody_one: 'See the problem below; change the form and try again.',
    refusedBody_other: 'See the {{count}} problems below; change the form and try again.',
    review: 'Review changes',
    hideChanges: 'Back to the form',
    diff: 'Changes against the live object',
    update: 'Update',
    conflictTitle: 'Someone changed it meanwhile',
    conflictBody:
      'The live object changed after you opened the form, so your update was not applied. Re-apply your changes on the latest version, review them, and update again.',
    reapply: 'Re-apply my changes on the latest version',
    bothChanged: 'You and the other change both touched: {{fields}}. Your values were kept.',
    image: 'Enter the container image, e.g. nginx:alpine (no spaces).',
    containerName:
      'Container name "{{name}}" is not valid: lower-case letters, digits and "-", at most 63 characters.',
    name: {
      required: 'Enter a name.',
      tooLong: 'At most 63 characters.',
      dns1123:
        '"{{name}}" is not valid: use lower-case letters, digits and "-", starting and ending with a letter or digit.',
      taken: 'A {{kind}} "{{name}}" already exists in this namespace.',
    },
  },
};
