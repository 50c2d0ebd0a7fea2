/**
 * Search parameters of /r/:region/ns/:namespace/editor: `template` (a template id) for "new from
 * template", or `resource` + `name` for editing a live object. Kept apart from the page so the
 * router can import it without loading the editor.
 */
export interface EditorSearch {
  template?: string | undefined;
  resource?: string | undefined;
  name?: string | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function validateEditorSearch(search: Record<string, unknown>): EditorSearch {
  return {
    template: text(search['template']),
    resource: text(search['resource']),
    name: text(search['name']),
  };
}
