import { loadChallenges } from '../src/challenges';
import { figuresOf } from '../src/results/figures';
import { buildNode, runBench } from './bench-harness';

/**
 * Every challenge row on the sim and on the process engine with one seed: the same verdict, and servers
 * msgs-per-op within ±15 % (or 0.05 absolute, for rows that send almost nothing between nodes). A process-engine
 * run takes its full real time (~10 min for all rows, one after another), so this runs only when asked:
 *   GLOMERS_ROW_DIFFERENTIAL=1 npx nx e2e bench -- sim-rows-differential
 */
const enabled = process.env['GLOMERS_ROW_DIFFERENTIAL'] === '1';
const seed = process.env['GLOMERS_ROW_DIFFERENTIAL_SEED'] ?? '11';

jest.setTimeout(300_000);

(enabled ? describe : describe.skip)('each challenge row on the sim and on the process engine', () => {
  it.each(loadChallenges().map((row) => [row.challenge, row] as const))('%s', async (_name, row) => {
    const bin = buildNode(`apps/${row.app}/src/main.ts`);
    const sim = await runBench(bin, [...row.args, '--seed', seed, '--engine', 'sim']);
    const bench = await runBench(bin, [...row.args, '--seed', seed, '--engine', 'bench']);
    const [s, b] = [figuresOf(sim.results), figuresOf(bench.results)];
    process.stdout.write(
      `${row.challenge}: valid? sim ${s.valid} bench ${b.valid}; servers msgs-per-op sim ${s.serversMsgsPerOp} ` +
        `bench ${b.serversMsgsPerOp}; wall s sim ${sim.bench?.['wall-time-s']} bench ${bench.bench?.['wall-time-s']}\n`,
    );
    expect(s.valid).toBe(b.valid);
    const [sm, bm] = [s.serversMsgsPerOp ?? 0, b.serversMsgsPerOp ?? 0];
    expect(Math.abs(sm - bm)).toBeLessThanOrEqual(Math.max(0.15 * bm, 0.05));
  });
});
