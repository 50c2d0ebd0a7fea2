import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the BFF (default port 8080) answers /api; in production it serves dist/ itself.
const bff = process.env.BFF_ORIGIN ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-worker-manager (used by monaco-yaml's worker) imports the pre-0.55 path
    // monaco-editor/esm/vs/..., which monaco-editor's `exports` map now spells monaco-editor/...
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
  },
  // Monaco's workers are ES modules with their own chunks (editor + monaco-yaml).
  worker: { format: 'es' },
  server: { proxy: { '/api': { target: bff, changeOrigin: false } } },
  build: { target: 'es2022', sourcemap: false },
});
