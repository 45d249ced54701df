module.exports = { ...require('../../jest.preset.cjs'), displayName: 'sqlite-support', rootDir: __dirname };
