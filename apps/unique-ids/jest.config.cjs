module.exports = { ...require('../../jest.preset.cjs'), displayName: 'unique-ids' };
