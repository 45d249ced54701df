import nx from '@nx/eslint-plugin';
import jsdoc from 'eslint-plugin-jsdoc';
import prettier from 'eslint-config-prettier/flat';

// Dependency direction (docs/architecture.md), enforced on two axes:
// `type:*` says which layer a project is, `platform:*` which runtime it may assume.
const depConstraints = [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
  },
  // The port knows no database: SQLite's helpers live in their own package, beside the SQLite stores.
  {
    sourceTag: 'type:eventstore',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['better-sqlite3'],
  },
  { sourceTag: 'type:sqlite-support', onlyDependOnLibsWithTags: [] },
  // Salesbook's own personal-data protection sits on the port, never inside it.
  { sourceTag: 'type:personal-data', onlyDependOnLibsWithTags: ['type:eventstore', 'type:domain'] },
  {
    sourceTag: 'type:store-adapter',
    onlyDependOnLibsWithTags: ['type:eventstore', 'type:domain', 'type:sqlite-support', 'type:personal-data'],
  },
  {
    sourceTag: 'type:projections',
    onlyDependOnLibsWithTags: ['type:eventstore', 'type:domain', 'type:sqlite-support'],
  },
  { sourceTag: 'type:generator', onlyDependOnLibsWithTags: ['type:domain', 'type:eventstore'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:eventstore',
      'type:sqlite-support',
      'type:personal-data',
      'type:store-adapter',
      'type:projections',
      'type:generator',
    ],
  },
  {
    sourceTag: 'type:test',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:eventstore',
      'type:sqlite-support',
      'type:personal-data',
      'type:store-adapter',
      'type:projections',
      'type:app',
      'type:generator',
    ],
  },
  // Only apps know NestJS; libraries stay framework-free.
  { sourceTag: 'platform:pure', bannedExternalImports: ['@nestjs/*', 'better-sqlite3', '@eventstore/*', 'node:*'] },
  { sourceTag: 'platform:node', bannedExternalImports: ['@nestjs/*'] },
  // The dashboard runs in a browser: pure libraries only, no Node built-ins, no server-side packages.
  {
    sourceTag: 'platform:browser',
    onlyDependOnLibsWithTags: ['platform:pure'],
    bannedExternalImports: ['@nestjs/*', 'better-sqlite3', '@eventstore/*', 'node:*', 'playwright-core'],
  },
];

export default [
  {
    // Config files are not linted; an .mjs with logic (a test's child process) is.
    ignores: [
      '**/dist/**',
      '**/out-tsc/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/*.cjs',
      '**/*.config.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints, checkDynamicDependenciesExceptions: [] },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // SQLite compiles a statement with a bare bound LIMIT again at every execution (see BOUND_LIMIT in
      // packages/eventstore-sqlite/src/statements.ts): write `LIMIT ? + 0`.
      'no-restricted-syntax': [
        'error',
        ...[
          'Literal[value=/\\bLIMIT\\s+[?:@$]\\w*(?!\\w|\\s*\\+)/i]',
          'TemplateElement[value.raw=/\\bLIMIT\\s+[?:@$]\\w*(?!\\w|\\s*\\+)/i]',
        ].map((selector) => ({
          selector,
          message:
            'A bare bound LIMIT makes SQLite compile the statement again at every execution: write `LIMIT ? + 0`.',
        })),
        // A property test without a seed draws new cases on every run: a failure in CI could not be replayed.
        {
          selector:
            "CallExpression[callee.object.name='fc'][callee.property.name=/^(assert|check|sample)$/][arguments.length=1]",
          message: 'Seed every property test: pass `{ seed, numRuns }` as the second argument.',
        },
      ],
    },
  },
  // Every exported name of a library carries TSDoc: embedders read it in their editor.
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', '**/testing.ts', '**/*.testing.ts'],
    plugins: { jsdoc },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: { esm: true },
          require: {
            FunctionDeclaration: true,
            ClassDeclaration: true,
            MethodDefinition: false,
            ArrowFunctionExpression: true,
            FunctionExpression: true,
          },
          // `export type X = z.infer<typeof X>` shares its name, and its TSDoc, with the schema `X` above it.
          contexts: [
            'TSInterfaceDeclaration',
            'TSTypeAliasDeclaration:not([typeAnnotation.typeName.right.name="infer"])',
            'VariableDeclaration',
            'TSEnumDeclaration',
          ],
          checkConstructors: false,
        },
      ],
    },
  },
  // Nx's external-import checks only see installed npm packages, so purity is also enforced by path:
  // the domain imports zod, fp-ts and itself, nothing else (no Node built-ins, no frameworks).
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|fp-ts/lib/[A-Za-z]+\\.js)$|\\.{1,2}/)',
              message: 'the domain depends on zod and fp-ts only',
            },
          ],
        },
      ],
    },
  },
  // Nx cannot see Node built-ins either: the browser dashboard is kept off them (and off server packages) by path too.
  {
    files: ['apps/dashboard/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|fs$|path$|crypto$|child_process$|@nestjs/|better-sqlite3$|@eventstore/)',
              message: 'the dashboard runs in a browser',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*'], message: 'only apps/* know NestJS' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  // Layout is Prettier's (`npm run format:check` in `npm run lint`): no ESLint rule may disagree with it.
  prettier,
];
