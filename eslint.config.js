// ESLint: typescript-eslint's strict, type-checked rules over every TypeScript file, with the type
// information of the tsconfig nearest each file (the server's, or the newsroom app's). Where the
// house departs from the preset, the rule says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers in messages and HTML are the common case; objects and undefined stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess every index is `T | undefined`; `!` marks an index the code
      // has just bounded (a loop over the array's length, a regex group that always matches).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `(x) => void doSomething(x)` and `() => set(value)` read better than braces around one call.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] }] },
      ],
      // Fastify handlers, subscriber methods and interface implementations are async by contract:
      // the returned promise is the answer, and a throw inside becomes a rejection the caller handles.
      '@typescript-eslint/require-await': 'off',
      // Spreading a string counts code points, which is what limits and folds here mean; where a
      // reader's letters matter the code counts grapheme clusters (bangla/grapheme-clusters.ts).
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
      // A variable a closure reads and that is set once further down (after what it depends on).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The newsroom app's Preact hooks follow React's rules of hooks.
    files: ['src/newsroom/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read the API's JSON answers (typed `any` by the HTTP client) and compare them with what
    // they expect: the comparison is the check, so reading a field of `any` is not a hazard there.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
