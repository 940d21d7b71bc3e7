module.exports = { ...require('../../jest.preset.cjs'), displayName: 'kafka-5c' };
