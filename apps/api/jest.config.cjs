// Nest 12 ships ES modules only (and reads import.meta), so this project runs Jest in its native ESM
// mode (`--experimental-vm-modules`, see the test script): swc emits ES modules instead of CommonJS.
const preset = require('../../jest.preset.cjs');

const [pattern, [swc, options]] = Object.entries(preset.transform)[0];
const CONTENT_DISPOSITION = 'node_modules/(@fastify/static/node_modules/)?content-disposition/.+\\.js$';

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    [pattern]: [swc, { ...options, module: { type: 'es6' } }],
    // @fastify/static (the OpenAPI UI's files on Fastify) is CommonJS and requires content-disposition 3, which is
    // ES modules only: Node 20 loads it (require of ES modules), Jest's module registry only from Node 24.9. Compiled
    // to CommonJS for the tests; production code runs it as published.
    [CONTENT_DISPOSITION]: [swc, { ...options, jsc: { ...options.jsc, parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'],
  // Each suite starts an API and writes its fixtures over HTTP in a hook: on a busy 2-core machine that takes
  // longer than Jest's 5 s default, which failed whole suites for time alone.
  testTimeout: 30_000,
};
