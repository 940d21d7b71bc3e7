import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { readNxJson } from 'nx/src/config/nx-json';
import { filterAffected } from 'nx/src/project-graph/affected/affected-project-graph';
import { calculateFileChanges } from 'nx/src/project-graph/file-utils';

/**
 * What `nx affected -t maelstrom` selects for a change to the given files, computed as `nx show projects --affected
 * --files=… --with-target maelstrom` does: the workspace's real project graph, Nx's own affected filter.
 */
let graph: ProjectGraph;

beforeAll(async () => {
  graph = await createProjectGraphAsync({ exitOnError: false });
}, 120_000);

async function maelstromTargetsFor(...files: string[]): Promise<string[]> {
  const affected = await filterAffected(graph, calculateFileChanges(files, { files }), readNxJson());
  return Object.values(affected.nodes)
    .filter((node) => node.data.targets?.['maelstrom'] !== undefined)
    .map((node) => node.name)
    .sort();
}

const ALL_APPS = [
  'broadcast-3a',
  'broadcast-3b',
  'broadcast-3c',
  'broadcast-3d',
  'broadcast-3e',
  'echo',
  'g-counter',
  'kafka-5a',
  'kafka-5b',
  'kafka-5c',
  'txn-6a',
  'txn-6b',
  'txn-6c',
  'unique-ids',
];

describe('nx affected -t maelstrom', () => {
  it('has a maelstrom target for each of the 14 apps', async () => {
    expect(await maelstromTargetsFor('nx.json')).toEqual(ALL_APPS);
  });

  it('selects exactly the apps of a changed node library or domain library', async () => {
    expect(await maelstromTargetsFor('libs/nodes/broadcast/src/index.ts')).toEqual([
      'broadcast-3a',
      'broadcast-3b',
      'broadcast-3c',
      'broadcast-3d',
      'broadcast-3e',
    ]);
    expect(await maelstromTargetsFor('libs/replicated-log/src/index.ts')).toEqual([
      'kafka-5a',
      'kafka-5b',
      'kafka-5c',
    ]);
    expect(await maelstromTargetsFor('libs/txn/src/index.ts')).toEqual(['txn-6a', 'txn-6b', 'txn-6c']);
  });

  it('selects every app for a change to the bench core, which decides verdicts', async () => {
    expect(await maelstromTargetsFor('tools/bench/src/core/runner.ts')).toEqual(ALL_APPS);
    expect(await maelstromTargetsFor('tools/bench/bin/glomers-bench.js')).toEqual(ALL_APPS);
  });

  it('selects every app for a change to the script that bundles them', async () => {
    expect(await maelstromTargetsFor('tools/scripts/bundle-node.mjs')).toEqual(ALL_APPS);
  });

  it('selects only the changed app, for its sources and for its challenge rows', async () => {
    expect(await maelstromTargetsFor('apps/g-counter/src/main.ts')).toEqual(['g-counter']);
    expect(await maelstromTargetsFor('apps/kafka-5c/challenges.json')).toEqual(['kafka-5c']);
  });

  it('selects no app for a change to a bench test; an app’s own test selects that app, then a cache hit', async () => {
    expect(await maelstromTargetsFor('tools/bench/test/cli-options.spec.ts')).toEqual([]);
    expect(await maelstromTargetsFor('apps/echo/src/container.spec.ts')).toEqual(['echo']);
  });
});
