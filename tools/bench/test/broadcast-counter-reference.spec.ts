import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Op } from '../src/lib/history';
import { checkBroadcast } from '../src/workloads/broadcast/set-full-checker';
import { checkCounter } from '../src/workloads/pn-counter/counter-checker';
// Deterministic random histories; Maelstrom's own checkers judged the same ones (see broadcast-counter-reference.clj).
import { referenceHistories, REFERENCE_COUNT } from './fixtures/broadcast-counter-reference-histories';

interface ReferenceResults {
  readonly broadcast: unknown[];
  readonly counter: unknown[];
}

const reference = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'broadcast-counter-reference-results.json'), 'utf8'),
) as ReferenceResults;
const histories = referenceHistories(REFERENCE_COUNT) as { broadcast: Op[][]; counter: Op[][] };

/** The checker's result as JSON, with our `final` op flag spelled as Maelstrom's `final?`. */
function asMaelstromJson(result: unknown): unknown {
  return JSON.parse(JSON.stringify(result).replace(/"final":/g, '"final?":'));
}

describe("checkers agree with Maelstrom's own on random histories", () => {
  it('has a reference result for every history', () => {
    expect(reference.broadcast).toHaveLength(REFERENCE_COUNT);
    expect(reference.counter).toHaveLength(REFERENCE_COUNT);
  });

  it.each(histories.broadcast.map((history, i) => ({ i, history })))(
    'broadcast history $i',
    ({ i, history }) => {
      expect(asMaelstromJson(checkBroadcast(history))).toEqual(reference.broadcast[i]);
    },
  );

  it.each(histories.counter.map((history, i) => ({ i, history })))('counter history $i', ({ i, history }) => {
    expect(asMaelstromJson(checkCounter(history))).toEqual(reference.counter[i]);
  });

  it('the reference histories cover every verdict and outcome', () => {
    const verdicts = (results: unknown[]) =>
      new Set(results.map((r) => (r as { 'valid?': unknown })['valid?']));
    expect(verdicts(reference.broadcast)).toEqual(new Set([true, false, 'unknown']));
    expect(verdicts(reference.counter)).toEqual(new Set([true, false]));
    const count = (key: string) =>
      reference.broadcast.reduce<number>((sum, r) => sum + Number((r as Record<string, unknown>)[key]), 0);
    expect(count('lost-count')).toBeGreaterThan(0);
    expect(count('stale-count')).toBeGreaterThan(0);
    expect(count('never-read-count')).toBeGreaterThan(0);
  });
});
