import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clojureSetFirst, clojureSetOrder } from '../src/workloads/kafka/clojure-set-order';

/** Recorded from Clojure 1.12.0 (the one Maelstrom 0.2.4 runs): see the fixture's `generator` field. */
interface Recorded {
  intSetOrder: number[];
  stringSetOrder: string[];
  pairs: Array<[number, number, number]>;
}
const recorded = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'kafka-clojure-set-order.json'), 'utf8'),
) as Recorded;

describe('Clojure hash-set iteration order', () => {
  it('matches (seq (set xs)) for integers, including negative and > 32-bit ones', () => {
    const shuffled = [...recorded.intSetOrder].reverse();
    expect(clojureSetOrder(shuffled)).toEqual(recorded.intSetOrder);
  });

  it('matches (seq (set xs)) for strings', () => {
    expect(clojureSetOrder([...recorded.stringSetOrder].sort())).toEqual(recorded.stringSetOrder);
  });

  it('matches (first (set [a b])) for every pair of small messages', () => {
    for (const [a, b, first] of recorded.pairs) {
      expect([a, b, clojureSetFirst([a, b])]).toEqual([a, b, first]);
      expect([b, a, clojureSetFirst([b, a])]).toEqual([b, a, first]);
    }
  });
});
