// npm run lint: typescript-eslint's type-checked recommended rules over the package's source.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'generated/',
      'node_modules/',
      'test/',
      'bench/',
      'scripts/',
      'examples/',
      '.test-build/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.build.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Control characters in a pattern are what our sanitizers strip and our checks refuse, on purpose.
      'no-control-regex': 'off',
      // Passing a rejection on keeps its value, as fetch does with an AbortSignal's reason; a made-up value is refused.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // Destructuring fields beside a rest is how a copy leaves them out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // A variable a closure reads before it is assigned stays `let`: `const` would need it declared below its readers.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
);
