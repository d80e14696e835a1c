// typescript-eslint flat config. Layering rules (house rule 1) are enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', '.cache/**', 'test-artifacts/**', 'media/**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'src/core is editor-independent.' },
          { group: ['../server/*', '../client/*', '../cli/*', '../../server/*', '../../client/*', '../../cli/*'], message: 'src/core depends on nothing else in src/.' },
        ],
      }],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['web-tree-sitter', 'vscode-languageserver', 'vscode-languageserver/*'], message: 'the client stays thin: analysis lives in the server.' },
          // The report renderers are pure string functions of the report model (no parsing, no
          // analysis); the client uses them so exports match the CLI byte for byte.
          {
            regex: '^\\.\\./core/(?!report/(renderJson|renderMarkdown|webviewHtml)$)',
            allowTypeImports: true,
            message: 'the client does not run the analysis; use src/shared types.',
          },
        ],
      }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['vscode', 'vscode-languageclient*', '../client/*'], message: 'the server imports no VS Code UI.' }],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'web-tree-sitter', '../server/*', '../client/*'], message: 'src/shared holds types only.' },
          { group: ['../core/*', '../core/**'], allowTypeImports: true, message: 'src/shared may only import types from src/core.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly', window: 'readonly', document: 'readonly', acquireVsCodeApi: 'readonly', navigator: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
