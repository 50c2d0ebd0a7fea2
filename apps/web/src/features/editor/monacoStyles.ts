/**
 * CSP shim: Monaco writes its theme, token colours, squiggles and list styles into <style>
 * elements, which the BFF's `style-src 'self'` blocks (no 'unsafe-inline', no nonce hook in
 * Monaco). Constructable stylesheets are not subject to style-src, so each blocked Monaco
 * <style> is mirrored into an adopted CSSStyleSheet, kept in sync while it changes and dropped
 * when it leaves the page. Rules Monaco inserts with insertRule into a blocked sheet (only the
 * peek-widget arrow colour) stay lost.
 */
const mirrors = new Map<HTMLStyleElement, CSSStyleSheet>();

function isBlockedStyle(node: Node): node is HTMLStyleElement {
  // A style element the CSP let through has a sheet of its own; ours carry a nonce, Monaco's not.
  return node instanceof HTMLStyleElement && node.sheet === null && !node.nonce;
}

function sync(style: HTMLStyleElement): void {
  let sheet = mirrors.get(style);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    mirrors.set(style, sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(style.textContent ?? '');
}

function drop(style: HTMLStyleElement): void {
  const sheet = mirrors.get(style);
  if (!sheet || style.isConnected) return;
  mirrors.delete(style);
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}

function stylesIn(node: Node): HTMLStyleElement[] {
  if (node instanceof HTMLStyleElement) return [node];
  if (node instanceof Element && node.childElementCount > 0) {
    return [...node.querySelectorAll('style')];
  }
  return [];
}

function onMutations(records: MutationRecord[]): void {
  for (const record of records) {
    const target = record.target;
    if (target instanceof HTMLStyleElement && mirrors.has(target)) sync(target);
    for (const node of record.addedNodes) {
      for (const style of stylesIn(node)) if (isBlockedStyle(style)) sync(style);
    }
    for (const node of record.removedNodes) for (const style of stylesIn(node)) drop(style);
  }
}

let installed = false;

/** Starts mirroring; Monaco's first <style> elements are created after this module loads. */
export function installMonacoStyleMirror(): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  for (const style of document.querySelectorAll('style')) if (isBlockedStyle(style)) sync(style);
  new MutationObserver(onMutations).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
}

installMonacoStyleMirror();
