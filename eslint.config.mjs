// `npm run lint`: ESLint's and typescript-eslint's recommended rules over every TypeScript and script
// file; Prettier owns the layout (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'apps/web/dist/', 'apps/web/src/api/schema.d.ts', 'test/workflow/histories/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      // `_`-prefixed parameters are the way to say "required by the signature, not used here".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read HTTP answers and Temporal histories as untyped JSON on purpose: what
    // they assert is the value, and the API's own types are checked where the API declares them.
    files: ['test/**', 'bench/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A workflow refuses an Update only through workflows/refuse.ts, so every code it throws is a
    // catalogued RefusalCode (libs/domain/refusals) with an HTTP status (apps/api/src/common/statuses.ts).
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/refuse.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ApplicationFailure', property: 'nonRetryable', message: 'Refuse with refuse(code, detail?) from workflows/refuse.ts.' },
        { object: 'ApplicationFailure', property: 'create', message: 'Refuse with refuse(code, detail?) from workflows/refuse.ts.' },
        { object: 'ApplicationFailure', property: 'retryable', message: 'Refuse with refuse(code, detail?) from workflows/refuse.ts.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='ApplicationFailure']",
          message: 'Refuse with refuse(code, detail?) from workflows/refuse.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
