import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * xterm.js writes its theme, dimensions and scrollbar rules into `<style>` elements it appends
 * to the terminal, which the BFF's `style-src 'self'` (no 'unsafe-inline') refuses: the screen
 * then renders without them. Each `createElement("style")` in xterm's module becomes a call to
 * `xtermStyleNode` (src/features/terminal/xtermStyleNode.ts): a node whose text lives in a
 * constructable stylesheet, which style-src does not restrict (the Monaco shim's approach).
 */
const SHIM = fileURLToPath(new URL('../src/features/terminal/xtermStyleNode.ts', import.meta.url));
const XTERM = '/@xterm/xterm/';
const CREATE_STYLE = /([\w$]+(?:\.[\w$]+)*)\.createElement\("style"\)/g;

/** xterm's module with its style elements swapped for the shim's nodes; null if it has none. */
export function rewriteXtermStyles(code: string, shimPath: string = SHIM): string | null {
  let count = 0;
  const rewritten = code.replace(CREATE_STYLE, (_whole, doc: string) => {
    count++;
    return `__cciXtermStyleNode(${doc})`;
  });
  if (count === 0) return null;
  return `import { xtermStyleNode as __cciXtermStyleNode } from ${JSON.stringify(shimPath)};\n${rewritten}`;
}

export function xtermCsp(): Plugin {
  return {
    name: 'cci-xterm-csp',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes(XTERM) || !/\.m?js($|\?)/.test(id)) return null;
      const rewritten = rewriteXtermStyles(code);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
