import root from '../../eslint.config.mjs';

// Nest resolves constructor parameters from decorator metadata, which needs the runtime class:
// with these parser options consistent-type-imports leaves imports used in decorated signatures as values.
export default [
  ...root,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }] },
  },
  { files: ['src/testing/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
];
