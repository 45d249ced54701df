// Cross-package tests; `npm run test:contract` runs only test/contract (every store adapter against one suite).
module.exports = { ...require('../jest.preset.cjs'), displayName: 'test', rootDir: __dirname };
