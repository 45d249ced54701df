module.exports = { ...require('../../jest.preset.cjs'), displayName: 'eventstore-sqlite', rootDir: __dirname };
