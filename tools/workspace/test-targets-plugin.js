// A local Nx plugin (configured in nx.json) that infers two targets for every project with a tsconfig.json:
// - `typecheck`: `tsc --noEmit` over each tsconfig the project's tsconfig.json references (lib or app, spec, and
//   any other, e.g. the bench's report page). Jest compiles specs without type-checking (isolatedModules in
//   tsconfig.base.json), so this target is what fails on a type error.
// - `e2e`, only where the project has `*.e2e.spec.ts` files: Jest over those files alone. They start processes
//   (the bench's process engine, built bundles, npm, the real Maelstrom), so they take seconds each; the `test`
//   target (the @nx/jest plugin, over jest.preset.cjs's testMatch) leaves them out and stays fast. Two files run
//   at a time even on two cores: they mostly wait (on time limits, on Maelstrom), and Jest's default there
//   (cores - 1) ran them one by one.
// Caching and inputs of both are in nx.json's targetDefaults.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const E2E_SPEC = /\.e2e\.spec\.ts$/;

/** The tsconfig files a project's tsconfig.json references, relative to the project root. */
function referencedTsconfigs(root, workspaceRoot) {
  const text = fs.readFileSync(path.join(workspaceRoot, root, 'tsconfig.json'), 'utf8');
  const references = JSON.parse(text).references ?? [];
  return references.map((ref) => ref.path.replace(/^\.\//, ''));
}

function hasE2eSpecs(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .some(
      (entry) => entry.isFile() && E2E_SPEC.test(entry.name) && !entry.parentPath.includes('node_modules'),
    );
}

function targetsOf(root, workspaceRoot) {
  const targets = {};
  const tsconfigs = referencedTsconfigs(root, workspaceRoot);
  if (tsconfigs.length > 0) {
    targets.typecheck = {
      executor: 'nx:run-commands',
      options: {
        cwd: root,
        commands: tsconfigs.map((file) => `tsc --noEmit -p ${file}`),
        parallel: false,
      },
      metadata: { description: `tsc --noEmit over ${tsconfigs.join(', ')}` },
    };
  }
  if (
    fs.existsSync(path.join(workspaceRoot, root, 'jest.config.cjs')) &&
    hasE2eSpecs(path.join(workspaceRoot, root))
  ) {
    targets.e2e = {
      executor: 'nx:run-commands',
      options: {
        cwd: root,
        command:
          "jest -c jest.config.cjs --maxWorkers=2 --testMatch '**/*.e2e.spec.ts' --testPathIgnorePatterns /node_modules/",
      },
      metadata: { description: 'Jest over the *.e2e.spec.ts files (processes, bundles, the real Maelstrom)' },
    };
  }
  return targets;
}

/** @type {import('@nx/devkit').NxPluginV2} */
module.exports = {
  name: 'glomers-test-targets',
  createNodes: [
    '**/tsconfig.json',
    (configFiles, _options, context) =>
      configFiles
        .map((file) => path.dirname(file))
        .filter(
          (root) => root !== '.' && fs.existsSync(path.join(context.workspaceRoot, root, 'project.json')),
        )
        .map((root) => [
          path.join(root, 'tsconfig.json'),
          { projects: { [root]: { targets: targetsOf(root, context.workspaceRoot) } } },
        ]),
  ],
};
