module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'node-g-counter' };
