module.exports = { ...require('../../jest.preset.cjs'), displayName: 'g-counter' };
