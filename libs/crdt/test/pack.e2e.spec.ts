// Builds the package with its build script, packs it with npm, installs the tarball into a scratch project outside
// the workspace and uses it from CommonJS, from ES modules and from TypeScript, as a consumer of the published
// package would.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(__dirname, '..');
const workspaceRoot = resolve(projectRoot, '..', '..');

jest.setTimeout(120_000);

let scratch = '';
let consumer = '';
let packedFiles: string[] = [];

// Plain output whatever the runner's terminal settings (nx sets FORCE_COLOR, which colours console.log).
const { FORCE_COLOR: _forceColor, ...inheritedEnv } = process.env;
const env = { ...inheritedEnv, NO_COLOR: '1' };

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'glomers-crdt-pack-'));
  const built = join(scratch, 'package');
  run(process.execPath, [join(projectRoot, 'scripts', 'build.mjs'), built], workspaceRoot);

  // As `nx run crdt:pack` does, into the scratch folder.
  const packed = run(
    process.execPath,
    [join(projectRoot, 'scripts', 'pack.mjs'), built, scratch],
    workspaceRoot,
  );
  const tarball = /: (\S+\.tgz) \(/.exec(packed)?.[1] ?? '';
  packedFiles = run('tar', ['-tzf', tarball], scratch)
    .split('\n')
    .filter((entry) => entry.startsWith('package/'))
    .map((entry) => entry.slice('package/'.length))
    .sort();

  consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], consumer);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed @glomers/crdt', () => {
  it('is not packed from the sources: `npm pack` in libs/crdt refuses and names the pack target', () => {
    const result = spawnSync('npm', ['pack', '--dry-run'], { cwd: projectRoot, env, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npx nx run crdt:pack');
  });

  it('contains the JavaScript, the declarations and the docs, and no sources or tests', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'cjs/index.js',
      'cjs/index.d.ts',
      'cjs/lib/g-set.d.ts',
      'esm/index.mjs',
      'esm/index.d.mts',
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(
      packedFiles.filter((file) => /(^|\/)(src|test)\/|\.ts$/.test(file) && !file.endsWith('.d.ts')),
    ).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(join(consumer, 'node_modules', '@glomers', 'crdt', 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: '@glomers/crdt', license: 'MIT' });
    expect(manifest['private']).toBeUndefined();
  });

  it('works through require()', () => {
    const script = `
      const { GSet, GCounter, CrdtDecodeError } = require('@glomers/crdt');
      const set = GSet.merge(GSet.from([1, 2]), GSet.fromJSON([3, 2], GSet.integers));
      const counter = GCounter.merge(GCounter.increment(GCounter.empty(), 'n2', 2), GCounter.fromJSON({ n1: 4 }));
      let rejected = false;
      try { GCounter.fromJSON({ n1: -1 }); } catch (error) { rejected = error instanceof CrdtDecodeError; }
      console.log(JSON.stringify([GSet.toJSON(set), GCounter.toJSON(counter), GCounter.value(counter), rejected]));
    `;
    expect(JSON.parse(run(process.execPath, ['-e', script], consumer))).toEqual([
      [1, 2, 3],
      { n1: 4, n2: 2 },
      6,
      true,
    ]);
  });

  it('works through import, sharing one copy of the code with require()', () => {
    const script = `
      import { GSet, PNCounter, CrdtDecodeError } from '@glomers/crdt';
      import * as crdt from '@glomers/crdt';
      import { createRequire } from 'node:module';
      const required = createRequire(import.meta.url)('@glomers/crdt');
      const set = GSet.merge(GSet.from([5]), GSet.from([4, 5]));
      const counter = PNCounter.merge(PNCounter.increment(PNCounter.empty(), 'n1', 3), PNCounter.decrement(PNCounter.empty(), 'n2', 1));
      let rejected = false;
      try { required.GSet.fromJSON('nope', required.GSet.integers); } catch (error) { rejected = error instanceof CrdtDecodeError; }
      console.log(JSON.stringify([GSet.toJSON(set), PNCounter.value(counter), rejected, required.GSet === GSet, Object.keys(crdt).sort()]));
    `;
    expect(JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumer))).toEqual([
      [4, 5],
      2,
      true,
      true,
      ['CrdtDecodeError', 'GCounter', 'GSet', 'LwwRegister', 'PNCounter', 'VersionVector'],
    ]);
  });

  it('type-checks for TypeScript consumers in both module systems, and the README example prints what it says', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const typedUse = `import { GCounter, GSet } from '@glomers/crdt';
      const set: GSet<number> = GSet.add(GSet.empty<number>(), 1);
      // @ts-expect-error a G-Set of numbers does not take strings
      GSet.add(set, 'one');
      const total: number = GCounter.value(GCounter.increment(GCounter.empty(), 'n1'));
      export const used = [set, total];
    `;
    writeFileSync(join(consumer, 'readme.mts'), example);
    // Declares console instead of loading lib.dom or @types/node, which would triple the compile time.
    writeFileSync(
      join(consumer, 'console.d.ts'),
      'declare const console: { log(...values: unknown[]): void };',
    );
    // The same source as ESM (.mts, resolved through the "import" condition) and CommonJS (.cts, "require").
    writeFileSync(join(consumer, 'esm.mts'), typedUse);
    writeFileSync(join(consumer, 'cjs.cts'), typedUse);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023'],
          types: [],
          strict: true,
          skipLibCheck: true,
          outDir: 'out',
        },
        files: ['console.d.ts', 'readme.mts', 'esm.mts', 'cjs.cts'],
      }),
    );
    const compile = spawnSync(join(workspaceRoot, 'node_modules', '.bin', 'tsc'), ['-p', consumer], {
      cwd: consumer,
      env,
      encoding: 'utf8',
    });
    expect(compile.stdout + compile.stderr).toBe('');
    expect(compile.status).toBe(0);

    const promised = example
      .split('\n')
      .filter((line) => line.includes('console.log('))
      .map((line) => line.slice(line.lastIndexOf('// ') + 3));
    expect(promised.length).toBeGreaterThan(3);
    expect(
      run(process.execPath, [join(consumer, 'out', 'readme.mjs')], consumer)
        .trimEnd()
        .split('\n'),
    ).toEqual(promised);
  });
});
