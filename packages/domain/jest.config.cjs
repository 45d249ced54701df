module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'domain',
  rootDir: __dirname,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/**/index.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  // The domain is held to line and branch coverage of at least 95%; the run prints the summary.
  coverageThreshold: { global: { lines: 95, branches: 95 } },
};
