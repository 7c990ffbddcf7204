// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'events', 'stream'];

const commonPatterns = [
  { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/portal/**'], message: 'common/ is pure: it imports none of the other layers.' },
  { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'common/ runs in every process: no Node, DOM or Electron.' },
];

/**
 * The folders inside common/, lowest first: each imports only the ones before it (and the files
 * at the top of common/). messages < markup (HTML specs, rich text) < blocks (the catalog) <
 * rendering (document -> portal markup) < checks. `diff` sits beside rendering, on the blocks.
 */
const commonFolders = [
  { folder: 'messages', above: ['markup', 'blocks', 'rendering', 'checks', 'diff'], message: 'The message catalogs import nothing but each other.' },
  { folder: 'markup', above: ['blocks', 'rendering', 'checks', 'diff'], message: 'common/markup/ is the HTML and rich-text vocabulary below the blocks: it knows no block.' },
  { folder: 'blocks', above: ['rendering', 'checks', 'diff'], message: 'A block uses common/markup/; rendering and checks use the blocks, not the other way round.' },
  { folder: 'rendering', above: ['checks', 'diff'], message: 'Rendering turns documents into the portal\'s markup; it does not run checks.' },
  { folder: 'diff', above: ['rendering', 'checks'], message: 'The diff compares documents block by block; it neither renders nor checks.' },
];

/** The layers of architecture.md: imports point one way only. */
const layerRules = [
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: commonPatterns }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  ...commonFolders.map(({ folder, above, message }) => ({
    files: [`common/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...commonPatterns, { group: above.map((name) => `**/${name}/**`), message }] }],
    },
  })),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/preload/**', '**/portal/**'], message: 'The renderer reaches main only through the bridge.' },
          { group: ['electron', ...nodeBuiltins], message: 'The renderer is a web page: no Node or Electron.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/portal/**'], message: 'main/ does not import the renderer, the preload or the portal.' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only main/electron/ may import electron; services run without it.' },
          { group: ['**/renderer/**', '**/preload/**', '**/portal/**'], message: 'main/ does not import the renderer, the preload or the portal.' },
        ],
      }],
    },
  },
  {
    files: ['portal/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'portal/ is its own server: it shares common/ with the app, nothing else.' },
          { group: ['electron'], message: 'The portal runs without Electron.' },
        ],
      }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/main/**', '**/renderer/**', '**/portal/**', 'zod'], message: 'The preload knows the channel names and the bridge shape, nothing else.' }],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  ...layerRules,
);
