module.exports = { ...require('../../jest.preset.cjs'), displayName: 'txn-6b' };
