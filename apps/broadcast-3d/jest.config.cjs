module.exports = { ...require('../../jest.preset.cjs'), displayName: 'broadcast-3d' };
