import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { lazyTableScrollContainer } from './build/mantineTable.ts';
import { testIdsOut } from './build/testIds.ts';
import { xtermCsp } from './build/xtermCsp.ts';

// In development the BFF (default port 8080) answers /api; in production it serves dist/ itself.
const bff = process.env.BFF_ORIGIN ?? 'http://127.0.0.1:8080';

/**
 * Under the BFF's CSP (style-src 'self', no 'unsafe-inline') two of Monaco's modules are
 * replaced by ours: its `<style>` elements become constructable stylesheets (monacoStyles.ts)
 * and the style attributes in its HTML are applied through the CSSOM (monacoStyleAttributes.ts).
 */
const monacoReplacements: Record<string, string> = {
  'base/browser/domStylesheets.js': './src/features/editor/monacoStyles.ts',
  'base/browser/trustedTypes.js': './src/features/editor/monacoStyleAttributes.ts',
};

function monacoCsp(): Plugin {
  const monacoRoot = '/monaco-editor/esm/vs/';
  return {
    name: 'cci-monaco-csp',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.includes(monacoRoot) || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source);
      const inMonaco = target.slice(target.lastIndexOf(monacoRoot) + monacoRoot.length);
      const replacement = target.includes(monacoRoot) ? monacoReplacements[inMonaco] : undefined;
      return replacement ? fileURLToPath(new URL(replacement, import.meta.url)) : null;
    },
  };
}

// `--mode e2e` (scripts/webBuild.ts): the build the Playwright tests run, test ids kept.
export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    monacoCsp(),
    xtermCsp(),
    lazyTableScrollContainer(),
    ...(mode === 'e2e' ? [] : testIdsOut()),
  ],
  resolve: {
    // monaco-worker-manager (used by monaco-yaml's worker) imports the pre-0.55 path
    // monaco-editor/esm/vs/..., which monaco-editor's `exports` map now spells monaco-editor/...
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
  },
  // Monaco's workers are ES modules with their own chunks (editor + monaco-yaml).
  worker: { format: 'es' },
  server: { proxy: { '/api': { target: bff, changeOrigin: false } } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser es2022 code runs in supports <link rel="modulepreload"> itself.
    modulePreload: { polyfill: false },
  },
}));
