// Browser tests of report.html (system Chromium via playwright-core), apart from the unit tests:
// `npx nx run bench:test-browser`. Each case runs the bench and opens the report, so they take seconds, not ms.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'bench-browser',
  testMatch: ['<rootDir>/browser-test/**/*.spec.ts'],
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.browser-test.json', diagnostics: { ignoreCodes: [151002] } },
    ],
  },
  testTimeout: 120_000,
};
