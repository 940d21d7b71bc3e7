module.exports = { ...require('../../jest.preset.cjs'), displayName: 'txn-integration' };
