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

// Outside src/core the core is reached through its index (src/core/index.ts), `../core` at any depth,
// never a file inside it; `import()` too. Tests may also import the core's test data, core/fixtures/*.
const deepCore = '^\\.\\.?/(\\.\\./)*core/';
const deepCoreImport = (allowed) => {
  const pattern = {
    regex: deepCore + allowed,
    message:
      'Outside src/core, import the core through its index (`../core`) and export there what is needed; only tests may also import core/fixtures/*.',
  };
  return {
    'no-restricted-imports': ['error', { patterns: [pattern] }],
    // esquery's regex cannot hold a `/`: \x2F is one.
    'no-restricted-syntax': [
      'error',
      {
        selector: `ImportExpression[source.value=/${pattern.regex.replaceAll('/', '\\x2F')}/]`,
        message: pattern.message,
      },
    ],
  };
};
const outsideCoreFiles = ['src/**/*.{ts,tsx}'];
const appTests = ['src/**/*.test.{ts,tsx}'];

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
    files: outsideCoreFiles,
    ignores: ['src/core/**', ...appTests],
    rules: deepCoreImport(''),
  },
  {
    files: appTests,
    ignores: ['src/core/**'],
    rules: deepCoreImport('(?!fixtures/)'),
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts', '*.config.js', 'src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
