module.exports = { ...require('../../jest.preset.cjs'), displayName: 'replicated-log' };
