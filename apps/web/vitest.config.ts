import { defineConfig } from 'vitest/config';

// Runs the web tests alone, component tests (*.test.tsx) included, until the root 'unit'
// project includes .test.tsx: npx vitest run -c apps/web/vitest.config.ts
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
