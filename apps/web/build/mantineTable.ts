import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Mantine's Table module attaches Table.ScrollContainer, whose ScrollArea pulls in floating-ui:
 * about 17 KB gzip on every screen with a table, the first one (the pods list) included, for a
 * part the console never renders. Table's import of it resolves to a lazy wrapper instead
 * (src/lazyTableScrollContainer.tsx), which loads the real component if it is ever rendered.
 */
export const REAL_SCROLL_CONTAINER = 'cci:mantine-table-scroll-container';
const WRAPPER = fileURLToPath(new URL('../src/lazyTableScrollContainer.tsx', import.meta.url));
const TABLE_DIR = '/@mantine/core/esm/components/Table/';

export function lazyTableScrollContainer(): Plugin {
  let real: string | undefined;
  return {
    name: 'cci-mantine-table-scroll-container',
    apply: 'build', // the dev server pre-bundles Mantine whole
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === REAL_SCROLL_CONTAINER) {
        if (!real) throw new Error('Mantine Table was not bundled before its scroll container');
        return real;
      }
      if (source !== './TableScrollContainer.mjs' || !importer?.includes(TABLE_DIR)) return null;
      if (importer.endsWith('/Table.mjs')) {
        real = resolve(dirname(importer), source);
        return WRAPPER;
      }
      return null; // Mantine's own index re-exports the real one (unused, tree-shaken).
    },
  };
}
