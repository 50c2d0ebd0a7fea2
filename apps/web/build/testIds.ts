import { fileURLToPath } from 'node:url';
import { parseAst, type ESTree, type Plugin } from 'vite';
import * as contract from '../src/testids.ts';

/**
 * Test ids never ship in the production bundle (DEVELOPERS guide). The production build replaces
 * src/testids.ts by a stub (ids undefined, helpers returning undefined) and strips every
 * `data-testid` property from the compiled JSX props of our sources, so neither the attribute nor
 * the ids' strings reach the output. `vite build --mode e2e` (scripts/webBuild.ts, for the
 * Playwright run) keeps them; so does the dev server.
 */
export const ATTRIBUTE = 'data-testid';
const CONTRACT = fileURLToPath(new URL('../src/testids.ts', import.meta.url));
const STUB_ID = '\0cci-testids-stub';
const SOURCES = fileURLToPath(new URL('../src/', import.meta.url));

/** The contract's exports with no ids: objects empty, helpers returning undefined. */
export function stubOf(exports: Record<string, unknown>): string {
  return Object.entries(exports)
    .map(([name, value]) =>
      typeof value === 'function'
        ? `export const ${name} = () => undefined;`
        : `export const ${name} = {};`,
    )
    .join('\n');
}

type Node = ESTree.Node;

function visit(node: unknown, enter: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, enter);
    return;
  }
  if (typeof node !== 'object' || node === null || !('type' in node)) return;
  enter(node as Node);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'type' && typeof value === 'object') visit(value, enter);
  }
}

/**
 * `code` without its `data-testid` object properties (what JSX attributes compile to), or
 * undefined when it has none. Throws when the attribute is used some other way, which this
 * build could not strip (a string passed to setAttribute, a computed key...).
 */
export function stripTestIdProps(code: string, id = 'module'): string | undefined {
  if (!code.includes(ATTRIBUTE)) return undefined;
  const cuts: [number, number][] = [];
  visit(parseAst(code), (node) => {
    if (node.type !== 'Property' || node.computed) return;
    const key = node.key;
    if (key.type !== 'Literal' || key.value !== ATTRIBUTE) return;
    let end = node.end;
    while (/\s/.test(code[end] ?? '')) end++;
    cuts.push([node.start, code[end] === ',' ? end + 1 : node.end]);
  });
  let stripped = code;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
    stripped = stripped.slice(0, start) + stripped.slice(end);
  }
  if (stripped.includes(ATTRIBUTE)) {
    throw new Error(`${id}: "${ATTRIBUTE}" is used other than as a JSX attribute; cannot strip it`);
  }
  return stripped;
}

/** The production build's test id removal (see above); not for `--mode e2e` nor the dev server. */
export function testIdsOut(): Plugin[] {
  return [
    {
      name: 'cci-testids-stub',
      apply: 'build',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!source.endsWith('testids.ts')) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved?.id === CONTRACT ? STUB_ID : null;
      },
      load(id) {
        return id === STUB_ID ? stubOf(contract) : null;
      },
    },
    {
      name: 'cci-testids-strip',
      apply: 'build',
      enforce: 'post', // after the JSX transform: attributes are object properties by then
      transform(code, id) {
        if (!id.startsWith(SOURCES)) return null;
        const stripped = stripTestIdProps(code, id);
        return stripped === undefined ? null : { code: stripped, map: null };
      },
    },
  ];
}
