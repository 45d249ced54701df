module.exports = { ...require('../../jest.preset.cjs'), displayName: 'projections', rootDir: __dirname };
