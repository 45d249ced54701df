// Nest 12 ships ES modules only (and reads import.meta), so this project runs Jest in its native ESM
// mode (`--experimental-vm-modules`, see the test script): swc emits ES modules instead of CommonJS.
const preset = require('../../jest.preset.cjs');

const [pattern, [swc, options]] = Object.entries(preset.transform)[0];

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    [pattern]: [swc, { ...options, module: { type: 'es6' } }],
  },
  // Each suite starts an API and writes its fixtures over HTTP in a hook: on a busy 2-core machine that takes
  // longer than Jest's 5 s default, which failed whole suites for time alone.
  testTimeout: 30_000,
  // Fails a spec file that leaves a SQLite file open (see the file).
  testEnvironment: '<rootDir>/jest.environment.cjs',
};
