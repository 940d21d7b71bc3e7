module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'workspace',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
