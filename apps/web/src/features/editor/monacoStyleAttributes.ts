/**
 * CSP shim, part 1: stands in for Monaco's `vs/base/browser/trustedTypes.js` (swapped in by
 * the `cci-monaco-csp` plugin in vite.config.ts). Monaco renders view lines, line numbers and
 * decorations (squiggles, the current-line box, diff colours) as HTML strings whose elements
 * carry `style="left:…;width:…"`, and assigns them with innerHTML through a Trusted Types
 * policy made here. The BFF's `style-src 'self'` refuses style attributes in markup
 * (style-src-attr): they would lose position and size, each reported as a violation. Styles
 * set through the CSSOM (`element.style.…`) are not restricted, so the policies made here
 * rename `style` to `data-cci-style` inside tags, and a MutationObserver applies those
 * declarations through the CSSOM. Observer callbacks run before the next paint, so nothing
 * shows unstyled.
 */

export const STYLE_DATA_ATTRIBUTE = 'data-cci-style';

/** A start tag (text between tags is escaped by Monaco, so `<` always opens a real tag). */
const START_TAG = /<[a-zA-Z][^<>]*>/g;
const STYLE_ATTRIBUTE = /(\s)style=(["'])/g;

/** Renames the style attributes of the HTML's tags; text content is left alone. */
export function moveStyleAttributes(html: string): string {
  if (!html.includes('style=')) return html;
  return html.replace(START_TAG, (tag) =>
    tag.replace(STYLE_ATTRIBUTE, `$1${STYLE_DATA_ATTRIBUTE}=$2`),
  );
}

/** Applies the moved declarations to `root` and its descendants through the CSSOM. */
export function applyMovedStyles(root: Element): void {
  const elements = root.querySelectorAll(`[${STYLE_DATA_ATTRIBUTE}]`);
  if (root.hasAttribute(STYLE_DATA_ATTRIBUTE)) applyOne(root);
  for (const element of elements) applyOne(element);
}

function applyOne(element: Element): void {
  const declarations = element.getAttribute(STYLE_DATA_ATTRIBUTE) ?? '';
  element.removeAttribute(STYLE_DATA_ATTRIBUTE);
  if (!(element instanceof HTMLElement || element instanceof SVGElement)) return;
  // Appended, not assigned: Monaco may already have set properties through the CSSOM.
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    const important = /\s*!important$/i.exec(value);
    element.style.setProperty(
      name,
      important ? value.slice(0, important.index) : value,
      important ? 'important' : '',
    );
  }
}

interface PolicyOptions {
  createHTML?: (input: string, ...rest: unknown[]) => string;
  createScript?: (input: string, ...rest: unknown[]) => string;
  createScriptURL?: (input: string, ...rest: unknown[]) => string;
}

interface PolicyFactory {
  createPolicy(name: string, options: PolicyOptions): { name: string };
}

/**
 * Monaco's createTrustedTypesPolicy: the browser's policy (when it has Trusted Types), with
 * HTML passed through moveStyleAttributes. Without Trusted Types Monaco assigns plain strings;
 * so does the stand-in returned then.
 */
export function createTrustedTypesPolicy(name: string, options: PolicyOptions = {}) {
  installStyleAttributeShim();
  const createHTML = options.createHTML;
  const wrapped: PolicyOptions = createHTML
    ? {
        ...options,
        createHTML: (input, ...rest) => moveStyleAttributes(createHTML(input, ...rest)),
      }
    : options;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    return factory ? factory.createPolicy(name, wrapped) : { name, ...wrapped };
  } catch {
    return undefined; // as Monaco's own: a refused policy name leaves plain strings
  }
}

function onMutations(records: MutationRecord[]): void {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) applyMovedStyles(node);
  }
}

let installed = false;

function installStyleAttributeShim(): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  // Monaco fills detached containers too (then moves them in); those are caught on insertion.
  new MutationObserver(onMutations).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
}
