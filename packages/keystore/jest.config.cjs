module.exports = { ...require('../../jest.preset.cjs'), displayName: 'keystore', rootDir: __dirname };
