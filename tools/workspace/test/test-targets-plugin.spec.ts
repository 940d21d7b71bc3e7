import { join } from 'node:path';
import plugin from '../test-targets-plugin.js';

/** The plugin's answer for some of this workspace's projects, as Nx would ask for it. */
const workspaceRoot = join(__dirname, '..', '..', '..');
const context = { workspaceRoot, nxJsonConfiguration: {} };
const [pattern, createNodes] = plugin.createNodes ?? ['', () => []];

async function targetsOf(root: string) {
  const results = await createNodes([join(root, 'tsconfig.json')], undefined, context);
  return results[0]?.[1].projects?.[root]?.targets;
}

describe('test-targets-plugin', () => {
  it('looks at every tsconfig.json', () => {
    expect(pattern).toBe('**/tsconfig.json');
  });

  it('type-checks every tsconfig a project references, one after another', async () => {
    expect((await targetsOf('tools/bench'))?.['typecheck']?.options).toEqual({
      cwd: 'tools/bench',
      commands: [
        'tsc --noEmit -p tsconfig.lib.json',
        'tsc --noEmit -p tsconfig.spec.json',
        'tsc --noEmit -p tsconfig.page.json',
        'tsc --noEmit -p tsconfig.browser-test.json',
      ],
      parallel: false,
    });
  });

  it('adds e2e only where there are *.e2e.spec.ts files, running only those', async () => {
    const bench = await targetsOf('tools/bench');
    expect(bench?.['e2e']?.options.command).toMatch(/--testMatch '\*\*\/\*\.e2e\.spec\.ts'/);
    expect((await targetsOf('libs/crdt'))?.['e2e']).toBeDefined();
    const protocol = await targetsOf('libs/protocol');
    expect(protocol?.['e2e']).toBeUndefined();
    expect(protocol?.['typecheck']).toBeDefined();
  });

  it('leaves a folder with a tsconfig.json but no project.json alone', async () => {
    expect(await createNodes(['tsconfig.json'], undefined, context)).toEqual([]);
  });
});
