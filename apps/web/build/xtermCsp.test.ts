import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rewriteXtermStyles } from './xtermCsp.ts';

describe('the xterm CSP rewrite', () => {
  it('replaces every <style> element xterm creates, in the installed version, and nothing else', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@xterm/xterm').replace(/xterm\.js$/, 'xterm.mjs');
    const source = readFileSync(path, 'utf8');
    const created = source.match(/createElement\("style"\)/g)?.length ?? 0;
    expect(created).toBeGreaterThan(0);
    const out = rewriteXtermStyles(source, '/shim.ts') ?? '';
    expect(out).not.toContain('createElement("style")');
    expect(out.match(/__cciXtermStyleNode\(/g)?.length).toBe(created);
    expect(
      out.startsWith('import { xtermStyleNode as __cciXtermStyleNode } from "/shim.ts";'),
    ).toBe(true);
    expect(out).toContain('__cciXtermStyleNode(n.mainDocument)');
  });

  it('leaves a module without style elements alone', () => {
    expect(rewriteXtermStyles('document.createElement("div")')).toBeNull();
  });
});
