/**
 * CSP shim, part 2: stands in for Monaco's `vs/base/browser/domStylesheets.js` (swapped in by
 * the `monacoStylesheets` plugin in vite.config.ts). Monaco writes its theme, token colours,
 * squiggle images, list and dynamic decoration styles into `<style>` elements, which the BFF's
 * `style-src 'self'` refuses (no 'unsafe-inline', and Monaco has no nonce hook). Here every such
 * element stays detached from the document, so the browser never checks it (and reports
 * nothing); its text is mirrored into a constructable stylesheet in
 * `document.adoptedStyleSheets`, which style-src does not restrict. A sheet applies while the
 * element Monaco meant to put it in is in the document, as the `<style>` child would have.
 */

/** Monaco's IDisposable / DisposableStore, as far as this module uses them. */
interface Disposable {
  dispose(): void;
}
interface DisposableStore {
  add<T extends Disposable>(disposable: T): T;
}

interface Mirror {
  sheet: CSSStyleSheet;
  container: Element;
  released: boolean;
}

const mirrors = new Map<HTMLStyleElement, Mirror>();
const adopted = new Set<CSSStyleSheet>();

/** Adopts exactly the sheets whose container is in the document, keeping others' sheets. */
function refreshAdopted(): void {
  let changed = false;
  for (const mirror of mirrors.values()) {
    const wanted = !mirror.released && mirror.container.isConnected;
    if (wanted !== adopted.has(mirror.sheet)) {
      changed = true;
      if (wanted) adopted.add(mirror.sheet);
      else adopted.delete(mirror.sheet);
    }
  }
  if (!changed) return;
  const others = document.adoptedStyleSheets.filter((s) => !isMirrorSheet(s));
  document.adoptedStyleSheets = [...others, ...adopted];
}

function isMirrorSheet(sheet: CSSStyleSheet): boolean {
  for (const mirror of mirrors.values()) if (mirror.sheet === sheet) return true;
  return false;
}

function release(style: HTMLStyleElement): void {
  const mirror = mirrors.get(style);
  if (!mirror) return;
  mirror.released = true;
  refreshAdopted();
  mirrors.delete(style);
}

let watching = false;

/** Containers come and go with editors and widgets: re-check them after DOM changes. */
function watchContainers(): void {
  if (watching) return;
  watching = true;
  new MutationObserver(refreshAdopted).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
}

export function createStyleSheet(
  container: Element = document.head,
  beforeAppend?: (style: HTMLStyleElement) => void,
  disposableStore?: DisposableStore,
): HTMLStyleElement {
  watchContainers();
  const style = document.createElement('style');
  const mirror: Mirror = { sheet: new CSSStyleSheet(), container, released: false };
  mirrors.set(style, mirror);
  const sync = () => mirror.sheet.replaceSync(style.textContent);
  beforeAppend?.(style);
  sync();
  new MutationObserver(sync).observe(style, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  // Callers drop their sheet with style.remove() or through the store; both end the mirror.
  style.remove = () => release(style);
  disposableStore?.add({ dispose: () => release(style) });
  refreshAdopted();
  return style;
}

let sharedStyle: HTMLStyleElement | undefined;

function sheetOf(style: HTMLStyleElement | undefined): CSSStyleSheet | undefined {
  sharedStyle ??= createStyleSheet();
  return mirrors.get(style ?? sharedStyle)?.sheet;
}

export function createCSSRule(selector: string, cssText: string, style?: HTMLStyleElement): void {
  if (!cssText) return;
  sheetOf(style)?.insertRule(`${selector} {${cssText}}`, 0);
}

export function removeCSSRulesContainingSelector(ruleName: string, style?: HTMLStyleElement): void {
  const sheet = sheetOf(style);
  if (!sheet) return;
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    const rule = sheet.cssRules[i];
    if (rule instanceof CSSStyleRule && rule.selectorText.includes(ruleName)) sheet.deleteRule(i);
  }
}

/** Monaco's observable of CSS text, as far as this module uses it (`autorun` is not exported). */
interface CssObservable {
  get(): string;
  addObserver(observer: ObservableObserver): void;
  removeObserver(observer: ObservableObserver): void;
}
interface ObservableObserver {
  beginUpdate(observable: unknown): void;
  endUpdate(observable: unknown): void;
  handlePossibleChange(observable: unknown): void;
  handleChange(observable: unknown, change: unknown): void;
}

/** One sheet following an observable CSS text (inline suggestions' styles). */
export function createStyleSheetFromObservable(css: CssObservable): Disposable {
  let style: HTMLStyleElement | undefined;
  const update = () => {
    const text = css.get();
    if (style === undefined && text === '') return;
    style ??= createStyleSheet();
    if (style.textContent !== text) style.textContent = text;
  };
  let depth = 0;
  const observer: ObservableObserver = {
    beginUpdate: () => void (depth += 1),
    endUpdate: () => {
      depth -= 1;
      if (depth === 0) update();
    },
    handlePossibleChange: () => undefined,
    handleChange: () => undefined,
  };
  css.addObserver(observer);
  update();
  return {
    dispose: () => {
      css.removeObserver(observer);
      if (style) release(style);
    },
  };
}
