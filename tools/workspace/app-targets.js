// @ts-check
// A local Nx plugin (listed in nx.json): every folder under apps/ with a project.json is a challenge app, and this
// infers its targets, so an app's project.json holds only its name and tags.
// - build: type-checks the app and bundles it into dist/apps/<app>/main.js (tools/scripts/bundle-node.mjs).
// - maelstrom, for an app with a challenges.json: `glomers-bench challenge <app>`, cached. Its inputs are what a
//   verdict depends on: the app's production sources and its libraries' (challenges.json among them), the bench's
//   production sources, and the engine choice (GLOMERS_ENGINE, MAELSTROM_BIN, a `maelstrom` on PATH) with the
//   environment the nodes read. Its output is the file in which the challenge command keeps the app's last rows, so
//   a cache hit restores the rows the summary table shows (tools/challenges/suite-plugin.js).
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createNodesFromFiles } = require('@nx/devkit');

/** The bench's production sources: a change to any of them can change a verdict (its tests cannot). */
const BENCH_PRODUCTION = [
  '{workspaceRoot}/tools/bench/src/**/*',
  '!{workspaceRoot}/tools/bench/src/**/*.spec.ts',
  '{workspaceRoot}/tools/bench/bin/**/*',
  '{workspaceRoot}/tools/bench/build.js',
  '{workspaceRoot}/tools/bench/package.json',
];

/** What picks the engine (sim, bench, Maelstrom) and the rows, and what the nodes read from their environment. */
const ENVIRONMENT = [
  'GLOMERS_ENGINE',
  'MAELSTROM_BIN',
  'GLOMERS_ROWS',
  'GLOMERS_SEED',
  'GLOMERS_LOG',
  'GLOMERS_BROADCAST_OPTIONS',
  'GLOMERS_REPLICATED_LOG_TIMING',
];

/** The script that bundles an app: a change to it changes every app's bundle. */
const BUNDLER = '{workspaceRoot}/tools/scripts/bundle-node.mjs';

/** The `maelstrom` target's inputs (exported for the tests). */
const MAELSTROM_INPUTS = [
  'production',
  '^production',
  BUNDLER,
  ...BENCH_PRODUCTION,
  ...ENVIRONMENT.map((env) => ({ env })),
  // Without GLOMERS_ENGINE or MAELSTROM_BIN, a `maelstrom` executable on PATH makes it the engine.
  { runtime: 'command -v maelstrom || true' },
  { externalDependencies: ['esbuild', 'inversify'] },
];

/** @type {import('@nx/devkit').TargetConfiguration} */
const BUILD = {
  executor: 'nx:run-commands',
  inputs: ['production', '^production', BUNDLER],
  outputs: ['{workspaceRoot}/dist/{projectRoot}'],
  options: {
    command:
      'tsc --noEmit -p {projectRoot}/tsconfig.app.json && ' +
      'node tools/scripts/bundle-node.mjs {projectRoot}/src/main.ts dist/{projectRoot}/main.js',
  },
};

/** @type {import('@nx/devkit').TargetConfiguration} */
const MAELSTROM = {
  executor: 'nx:run-commands',
  dependsOn: ['build'],
  cache: true,
  // One challenge at a time: each row's progress streams to the terminal, and a row's timing is its own.
  parallelism: false,
  inputs: MAELSTROM_INPUTS,
  outputs: ['{workspaceRoot}/store/summary/last/{projectName}.jsonl'],
  options: { command: 'node tools/bench/bin/glomers-bench.js challenge {projectName}' },
};

/**
 * The app at `projectJson`'s folder: an application with `build`, and `maelstrom` when it declares challenge rows.
 * @param {string} projectJson
 * @param {import('@nx/devkit').CreateNodesContextV2} context
 * @returns {import('@nx/devkit').CreateNodesResult}
 */
function appNode(projectJson, context) {
  const root = dirname(projectJson);
  const hasRows = existsSync(join(context.workspaceRoot, root, 'challenges.json'));
  return {
    projects: {
      [root]: {
        projectType: 'application',
        sourceRoot: `${root}/src`,
        targets: hasRows ? { build: BUILD, maelstrom: MAELSTROM } : { build: BUILD },
      },
    },
  };
}

/** @type {import('@nx/devkit').CreateNodesV2} */
const createNodesV2 = [
  'apps/*/project.json',
  (files, options, context) =>
    createNodesFromFiles((file, _o, ctx) => appNode(file, ctx), files, options, context),
];

module.exports = { name: 'glomers-app-targets', createNodesV2, MAELSTROM_INPUTS };
