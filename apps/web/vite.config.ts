import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the BFF (default port 8080) answers /api; in production it serves dist/ itself.
const bff = process.env.BFF_ORIGIN ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': { target: bff, changeOrigin: false } } },
  build: { target: 'es2022', sourcemap: false },
});
