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
  // Jest takes one worker on a 2-core machine (cores - 1), which left a core idle for most of this suite once the
  // API's tests (run beside it by `npm run test:unit`) were done. Most of these tests wait on child processes,
  // servers and a browser, so two workers overlap that waiting; each test starts its own servers on free ports and its
  // own temporary folders, so none shares anything with another. `test:multi-host` still runs in band.
  maxWorkers: 2,
  // A folder for what the run's spec files share; no process a test starts, nor that folder, may outlive the run
  // (test/support/leftover-processes.ts says why).
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/leftover-processes.ts',
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
};
