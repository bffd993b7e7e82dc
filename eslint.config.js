// ESLint flat config: typescript-eslint's recommended rules for .ts/.mjs, eslint-plugin-astro's for
// .astro (frontmatter and <script> blocks). Formatting is Prettier's job (.prettierrc), not ESLint's.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'screenshots/', 'test-results/', '.family-checkpoints/'],
  },
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a destructured prop left out, a callback's
      // position argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
