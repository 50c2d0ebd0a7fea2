import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/web/dist.*/**',
      'apps/web/dist-e2e*/**',
      '**/.turbo/**',
      '**/generated/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // @cci/model/templates: ?raw imports, for Vite and vitest only (see its index.ts);
              // @cci/model/objects and /wire: the typed contract's own entry points (exports).
              group: [
                '@cci/*/src/*',
                '@cci/*/*',
                '!@cci/model/templates',
                '!@cci/model/objects',
                '!@cci/model/wire',
              ],
              message:
                'Import a package through its entry point (package.json exports), not a deep path.',
            },
          ],
        },
      ],
    },
  },
);
