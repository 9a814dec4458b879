import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The hexagon's layer rules. Domain and ports import nothing but each other (no packages,
// no node: modules); adapters never import composition nor each other, except that the two
// HTTP transports (lambda, local-server) share the transport-neutral http-api; only composition
// wires adapters together.
const restrict = (...patterns) => ['error', { patterns }];
const noAdapters = {
  regex: '(^|/)adapters(/|$)',
  message: 'only src/composition imports adapters',
};
const noComposition = {
  regex: '(^|/)composition(/|$)',
  message: 'nothing imports a composition root',
};
// From inside src/adapters/<name>/, `../<other>/` reaches a sibling adapter.
const noSiblingAdapter = {
  regex: '^\\.\\./(?!http-api/|domain/|ports/)[a-z-]+/',
  message: 'adapters never import each other (only lambda and local-server share http-api)',
};
const onlyRelative = {
  regex: '^[^.]',
  message: 'domain and ports import no package nor node module',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdk.out/',
      '.data/',
      'coverage/',
      'bin/',
      '.stryker-tmp*/',
      'stryker.*.config.mjs',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/ports/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(onlyRelative, noAdapters, noComposition) },
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(onlyRelative, noAdapters, noComposition, {
        regex: '(^|/)domain(/|$)',
        message: 'ports speak the domain language but import nothing from it',
      }),
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noComposition, noSiblingAdapter) },
  },
  {
    files: ['src/adapters/*/**/*.ts'],
    ignores: ['src/adapters/lambda/**', 'src/adapters/local-server/**'],
    rules: {
      'no-restricted-imports': restrict(noComposition, noSiblingAdapter, {
        regex: '(^|/)http-api(/|$)',
        message: 'only the HTTP transports (lambda, local-server) use http-api',
      }),
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
