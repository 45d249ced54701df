// Cross-package tests; `npm run test:contract` runs only test/contract (every store adapter against one suite).
const preset = require('../jest.preset.cjs');

const [pattern, [swc, options]] = Object.entries(preset.transform)[0];
// intl-messageformat (the catalogue checks) and its @formatjs parts ship ES modules only; this project runs as CommonJS.
const FORMATJS = 'node_modules/(intl-messageformat|@formatjs/[^/]+)/.+\\.js$';

module.exports = {
  ...preset,
  displayName: 'test',
  rootDir: __dirname,
  transform: {
    [pattern]: [swc, options],
    [FORMATJS]: [swc, { ...options, jsc: { ...options.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  // No process a test starts may outlive the run (test/support/leftover-processes.ts says why).
  globalTeardown: '<rootDir>/support/leftover-processes.ts',
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
};
