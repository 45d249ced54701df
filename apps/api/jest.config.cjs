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
  // On a 2-core machine Jest runs this project's files one after another in its own process, and what each file loads
  // in its module registry (Nest, the domain's schemas, every projection) is not all given back: by the last files the
  // process held 4 GB and files that take 2 s alone took 15 (the project took 1,001 s beside test/). With a memory
  // limit Jest runs the files in a worker and replaces it when it holds more than this after a file (323 s alone).
  workerIdleMemoryLimit: '1GB',
  // Fails a spec file that leaves a SQLite file open (see the file).
  testEnvironment: '<rootDir>/jest.environment.cjs',
};
