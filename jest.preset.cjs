// Shared Jest settings for every project: path aliases from tsconfig.base.json, and esbuild as the transform, for
// our TypeScript and for inversify, which ships only as ES modules (tools/workspace/jest-esbuild-transform.js).
// It compiles file by file without type-checking, as the app bundles are compiled: each project's `typecheck`
// target (tools/workspace/test-targets-plugin.js) is what fails on a type error.
// `*.e2e.spec.ts` files start processes (the bench's process engine, built bundles, npm, the real Maelstrom):
// the `test` target leaves them out, the `e2e` target (same plugin) runs only them.
const { readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const base = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = join(__dirname, target);
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  transform: { '^.+\\.[cm]?[tj]s$': join(__dirname, 'tools/workspace/jest-esbuild-transform.js') },
  transformIgnorePatterns: [
    '/node_modules/(?!(inversify|@inversifyjs)/)',
    // Bundles the sim engine loads in-process (from dist/ or a scratch folder) are plain JavaScript already:
    // transpiling a whole app again would only cost time.
    `^${escape(join(__dirname, 'dist'))}/`,
    `^${escape(tmpdir())}/`,
  ],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.spec\\.ts$'],
};
