// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'client/dist/**',
      '.data/**',
      'e2e/artifacts/**',
      'bench/artifacts/**',
      '**/*.config.js',
      'client/babel.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Layers: the client never imports cloud-function or runtime code; it shares only shared-types.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/cloudfunctions/**',
            '@shishi/cloudfunctions*',
            '@shishi/local-cloud*',
            '**/local-cloud/**',
            '**/devhost/**',
          ],
        },
      ],
    },
  },
  {
    files: ['shared-types/src/**/*.ts'],
    rules: {
      // Pure rules: no I/O, no SDK.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'wx-server-sdk',
            'node:*',
            'fs',
            'http',
            '@tarojs/*',
            '@shishi/cloudfunctions*',
            '@shishi/local-cloud*',
          ],
        },
      ],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/**/__tests__/**'],
    rules: {
      // Handlers reach the platform only through the Cloud they are given; the local runtime is never imported.
      'no-restricted-imports': [
        'error',
        { patterns: ['@shishi/local-cloud*', '**/local-cloud/**', '**/devhost/**', '@tarojs/*'] },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
