import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateNodesContextV2, CreateNodesResult } from '@nx/devkit';
import { createNodesV2 } from '../app-targets';

/** The plugin's answer for apps/<app>/project.json in a throwaway workspace, the app having challenge rows or not. */
async function nodesFor(app: string, withRows: boolean): Promise<CreateNodesResult> {
  const root = mkdtempSync(join(tmpdir(), 'glomers-workspace-'));
  mkdirSync(join(root, 'apps', app), { recursive: true });
  writeFileSync(join(root, 'apps', app, 'project.json'), '{}');
  if (withRows) writeFileSync(join(root, 'apps', app, 'challenges.json'), '{"rows": []}');
  const context: CreateNodesContextV2 = { workspaceRoot: root, nxJsonConfiguration: {} };
  const [[file, result]] = await createNodesV2[1]([`apps/${app}/project.json`], undefined, context);
  expect(file).toBe(`apps/${app}/project.json`);
  return result;
}

describe('app-targets plugin', () => {
  it('gives an app with challenge rows a build and a cacheable maelstrom target', async () => {
    const project = (await nodesFor('echo', true)).projects?.['apps/echo'];
    expect(project?.projectType).toBe('application');
    expect(project?.targets?.['build']?.options.command).toBe(
      'tsc --noEmit -p {projectRoot}/tsconfig.app.json && ' +
        'node tools/scripts/bundle-node.mjs {projectRoot}/src/main.ts dist/{projectRoot}/main.js',
    );
    const maelstrom = project?.targets?.['maelstrom'];
    expect(maelstrom).toMatchObject({
      dependsOn: ['build'],
      cache: true,
      parallelism: false,
      options: { command: 'node tools/bench/bin/glomers-bench.js challenge {projectName}' },
      outputs: ['{workspaceRoot}/store/summary/last/{projectName}.jsonl'],
    });
  });

  it('makes the engine choice part of a verdict’s hash, so a sim verdict never answers for Maelstrom', async () => {
    const inputs = (await nodesFor('echo', true)).projects?.['apps/echo']?.targets?.['maelstrom']?.inputs;
    expect(inputs).toEqual(
      expect.arrayContaining([
        'production',
        '^production',
        '{workspaceRoot}/tools/bench/src/**/*',
        { env: 'GLOMERS_ENGINE' },
        { env: 'MAELSTROM_BIN' },
        { env: 'GLOMERS_SEED' },
        { runtime: 'command -v maelstrom || true' },
      ]),
    );
    expect(inputs).not.toContain('{workspaceRoot}/tools/bench/test/**/*');
  });

  it('gives an app without challenges.json a build and no maelstrom target', async () => {
    const targets = (await nodesFor('scratch', false)).projects?.['apps/scratch']?.targets ?? {};
    expect(Object.keys(targets)).toEqual(['build']);
  });
});
