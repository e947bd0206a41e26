import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// src/core must run unchanged in a worker, the browser and Node: no DOM, no React, no store, no Node APIs.
const browserOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'DOMParser',
  'HTMLElement',
  'Element',
  'Node',
  'location',
  'fetch',
  'XMLHttpRequest',
  'self',
  'process',
  'Buffer',
  'require',
  '__dirname',
];

// The core's boundary, at any depth (`../../store/…` too): the UI depends on the core, never the reverse.
const outsideCore = {
  regex: '(^|/)(store|components|worker)(/|$)|(^|/)(i18n|App|main)(\\.tsx?)?$',
  message: 'src/core imports nothing from the store, components, worker or i18n.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'scratch',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
      'src/core/export/validateReport.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', ...browserOnlyGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/core is pure.',
            },
            { group: ['zustand', 'zustand/*'], message: 'src/core is pure.' },
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os'],
              message: 'src/core runs in browsers.',
            },
            outsideCore,
          ],
        },
      ],
    },
  },
  {
    // Tests of the core may use Node, but not the app either.
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outsideCore] }] },
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts', '*.config.js', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
