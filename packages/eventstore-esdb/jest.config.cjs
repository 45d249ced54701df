module.exports = { ...require('../../jest.preset.cjs'), displayName: 'eventstore-esdb', rootDir: __dirname };
