import { buildNode, failingChecks, runBench } from './bench-harness';
import type { Op } from '../src';

/**
 * Seeds that seed sweeps found failing, kept after the fix. Each names the challenge row's exact command line and
 * what made the seed hard, and checks that the seed still produces that situation (a changed generator would
 * otherwise turn the test into one more easy seed).
 */
const kafkaPartition = [
  ...['-w', 'kafka', '--node-count', '2', '--concurrency', '2n', '--time-limit', '20', '--rate', '1000'],
  ...['--nemesis', 'partition'],
];

/** The shortest stretch of time with the network whole between two partitions, in ms. */
function shortestHealedWindowMs(history: readonly Op[]): number {
  let healedAt: number | undefined;
  let shortest = Infinity;
  for (const op of history) {
    if (op.process !== 'nemesis' || op.type !== 'info') continue;
    if (op.f === 'stop-partition') healedAt = op.time;
    if (op.f === 'start-partition' && healedAt !== undefined) {
      shortest = Math.min(shortest, (op.time - healedAt) / 1e6);
      healedAt = undefined;
    }
  }
  return shortest;
}

const cases = [
  {
    row: '5c-partition',
    seed: 543,
    app: 'kafka-5c',
    args: kafkaPartition,
    why: 'the two nodes are cut apart for the whole run but for a 71 ms window: sends must commit without the follower',
    situation: (history: readonly Op[]) => shortestHealedWindowMs(history) < 100,
  },
  {
    row: '5c-partition',
    seed: 944,
    app: 'kafka-5c',
    args: kafkaPartition,
    why: 'the two nodes are cut apart for the whole run but for a 17 ms window',
    situation: (history: readonly Op[]) => shortestHealedWindowMs(history) < 100,
  },
];

jest.setTimeout(120_000);

describe.each(cases)('sim regression: $row seed $seed', ({ app, args, seed, why, situation }) => {
  it(`passes (${why})`, async () => {
    const run = await runBench(buildNode(`apps/${app}/src/main.ts`), [
      ...args,
      '--engine',
      'sim',
      '--seed',
      String(seed),
    ]);
    expect(situation(run.history)).toBe(true);
    expect(failingChecks(run.results)).toEqual([]);
    expect(run.code).toBe(0);
  });
});
