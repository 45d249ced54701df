// Shared Jest settings: swc compiles TypeScript (fast, no type check: `typecheck` does that),
// and @salesbook/* imports resolve to sources so tests never depend on a stale build.
const path = require('node:path');

const packages = path.join(__dirname, 'packages');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@salesbook/([a-z-]+)$': `${packages}/$1/src/index.ts`,
    '^@salesbook/([a-z-]+)/([a-z-]+)$': `${packages}/$1/src/$2/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
