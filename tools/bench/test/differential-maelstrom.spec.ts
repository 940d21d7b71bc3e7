import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEdn } from '../src/results/edn-reader';
import { failing, FIXTURES, runBench } from './bench-harness';

/**
 * Differential tests: the same fixture node and arguments on the bench and on the real Maelstrom must give the
 * same exit code, verdict and failing checks (and msgs-per-op within a tolerance). Skipped, saying so, when
 * Maelstrom is not installed (MAELSTROM_BIN, ~/.cache/maelstrom/maelstrom or `maelstrom` on PATH).
 */
function findMaelstrom(): string | undefined {
  const candidates = [
    process.env['MAELSTROM_BIN'],
    join(homedir(), '.cache', 'maelstrom', 'maelstrom'),
    ...(process.env['PATH'] ?? '').split(':').map((dir) => join(dir, 'maelstrom')),
  ];
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}

interface MaelstromRun {
  readonly code: number;
  readonly results: Record<string, unknown> | undefined;
}

function runMaelstrom(bin: string, fixture: string, args: readonly string[]): Promise<MaelstromRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'maelstrom-diff-'));
  return new Promise((done) => {
    const child = spawn(bin, ['test', '--bin', join(FIXTURES, fixture), ...args], { cwd, stdio: 'ignore' });
    child.on('close', (code) => {
      const file = join(cwd, 'store', 'latest', 'results.edn');
      const results = existsSync(file)
        ? (readEdn(readFileSync(file, 'utf8')) as Record<string, unknown>)
        : undefined;
      done({ code: code ?? 255, results });
    });
  });
}

const echo = ['-w', 'echo', '--node-count', '1', '--time-limit', '3', '--seed', '11'];
const uniqueIds = [
  '-w',
  'unique-ids',
  '--node-count',
  '3',
  '--time-limit',
  '3',
  '--rate',
  '50',
  '--seed',
  '11',
];
const CASES: ReadonlyArray<[string, readonly string[]]> = [
  ['echo-good.js', echo],
  ['echo-alters-payload.js', echo],
  ['echo-extra-field.js', echo],
  ['echo-banner.js', echo],
  ['echo-exits-early.js', echo],
  ['unique-ids-duplicates.js', uniqueIds],
  ['unique-ids-int-and-float.js', uniqueIds],
];
/** --seed is the bench's own option; Maelstrom gets the rest. */
const withoutSeed = (args: readonly string[]) =>
  args.filter((a, i) => a !== '--seed' && args[i - 1] !== '--seed');

const maelstrom = findMaelstrom();
const maybe = maelstrom ? describe : describe.skip;
if (!maelstrom) {
  console.warn(
    'Differential tests SKIPPED: real Maelstrom not found (set MAELSTROM_BIN or run ../shared/maelstrom/install.sh)',
  );
}

// A real-Maelstrom run costs ~20 s beyond its time limit on an idle 2-core machine, several minutes on a loaded one.
const PER_CASE_TIMEOUT_MS = 600_000;

maybe('bench vs real Maelstrom on the same fixtures', () => {
  const perOp = (r: Record<string, unknown> | undefined) =>
    (r?.['net'] as Record<string, Record<string, number>> | undefined)?.['all']?.['msgs-per-op'];

  it.each(CASES)(
    '%s: same exit code, verdict and failing checks; msgs-per-op within 0.25',
    async (fixture, args) => {
      const [real, bench] = await Promise.all([
        runMaelstrom(maelstrom as string, fixture, withoutSeed(args)),
        runBench(fixture, args),
      ]);
      expect({ code: bench.code, valid: bench.results?.['valid?'], failing: failing(bench.results) }).toEqual(
        {
          code: real.code,
          valid: real.results?.['valid?'],
          failing: failing(real.results),
        },
      );
      const [b, m] = [perOp(bench.results), perOp(real.results)];
      expect(b === undefined).toBe(m === undefined);
      if (b !== undefined && m !== undefined) expect(Math.abs(b - m)).toBeLessThan(0.25);
    },
    PER_CASE_TIMEOUT_MS,
  );
});
