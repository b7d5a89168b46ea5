// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import pluginRouter from '@tanstack/eslint-plugin-router';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['runs', 'logs', 'actions', 'lifecycle', 'simulator'];

/**
 * The architecture's import boundaries (README, "How the code is organised"):
 * routes -> features -> (queries, components/ui, lib, config, domain); queries -> (api, lib,
 * config, domain); mocks -> (api/contract, domain); features never import each other; nothing
 * imports test/; src reaches mocks/ only from main.tsx.
 */
const boundaries = [
  {
    target: './src/domain',
    from: [
      './src/api',
      './src/app',
      './src/components',
      './src/config',
      './src/features',
      './src/lib',
      './src/queries',
      './src/routes',
      './mocks',
    ],
    message: 'The domain model is pure: it imports nothing but itself.',
  },
  {
    target: './src/api',
    from: [
      './src/app',
      './src/components',
      './src/features',
      './src/queries',
      './src/routes',
      './src/lib',
      './mocks',
    ],
    message: 'The API layer depends only on the domain and config.',
  },
  {
    target: './src/queries',
    from: ['./src/app', './src/components', './src/features', './src/routes', './mocks'],
    message: 'The query layer depends only on the API, the domain, lib and config.',
  },
  {
    target: ['./src/components', './src/lib', './src/config'],
    from: ['./src/app', './src/features', './src/queries', './src/routes', './mocks'],
    message: 'Shared layers must not depend on features, the query layer, routes or the app.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: ['./src/features', './src/routes', './src/app', './mocks'],
    except: [`./${feature}`],
    message: 'Features never import each other, routes or the app: compose them in routes.',
  })),
  {
    target: './mocks',
    from: './src',
    except: ['./api/contract.ts', './domain'],
    message: 'The simulated backend may only use the contract and the domain.',
  },
  {
    target: [
      './src/api',
      './src/app',
      './src/components',
      './src/config',
      './src/domain',
      './src/features',
      './src/lib',
      './src/queries',
      './src/routes',
    ],
    from: './mocks',
    message: 'Only main.tsx may reach the simulator (behind the build-time flag).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-sim',
      'dist-demo',
      'node_modules',
      'public/mockServiceWorker.js',
      'public/runtime-config.js',
      'src/routeTree.gen.ts',
      'test-results',
      'playwright-report',
      'bench-results',
      'reports',
      '.vite',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  importX.recommended,
  importX.typescript,
  ...pluginQuery.configs['flat/recommended'],
  ...pluginRouter.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // TanStack Table and Virtual return mutable instances by design.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-named-as-default-member': 'off',
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:', '\\.css$'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Data is always rendered as text.',
        },
      ],
    },
  },
  {
    files: ['src/main.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
    rules: {
      ...testingLibrary.configs['flat/react'].rules,
      'import-x/no-restricted-paths': 'off',
    },
  },
  {
    // Vitest runs without globals here, so Testing Library cannot register its own cleanup.
    files: ['test/setup.ts'],
    rules: { 'testing-library/no-manual-cleanup': 'off' },
  },
  {
    files: ['test/e2e/**/*.ts', 'playwright.config.ts', 'scripts/**/*.mjs'],
    rules: {
      'testing-library/prefer-screen-queries': 'off',
      'testing-library/no-await-sync-queries': 'off',
    },
  },
);
