import fc from 'fast-check';
import { SeededRandom } from '@glomers/sim';
import {
  exponentialKeyIndex,
  keyDistScale,
  WrTxns,
  type MicroOp,
} from '../src/workloads/txn-rw-register/generator';

function draw(
  seed: number,
  n: number,
  opts: { maxTxnLength: number; maxWritesPerKey: number; keyCount?: number },
) {
  const gen = new WrTxns(new SeededRandom(seed), opts);
  return Array.from({ length: n }, () => gen.next());
}

describe('txn-rw-register generator (Elle wr-txns)', () => {
  it('maps uniform draws on [0, 2046) onto 10 keys, key i taking a 2^(i+1)-wide slice', () => {
    expect(keyDistScale(2, 10)).toBe(2046);
    expect(exponentialKeyIndex(0, 2)).toBe(0);
    expect(exponentialKeyIndex(1.999, 2)).toBe(0);
    expect(exponentialKeyIndex(2, 2)).toBe(1);
    expect(exponentialKeyIndex(1021.99, 2)).toBe(8);
    expect(exponentialKeyIndex(1022, 2)).toBe(9);
    expect(exponentialKeyIndex(2045.999, 2)).toBe(9);
  });

  it('is a pure function of its seed', () => {
    expect(draw(5, 50, { maxTxnLength: 4, maxWritesPerKey: 16 })).toEqual(
      draw(5, 50, { maxTxnLength: 4, maxWritesPerKey: 16 }),
    );
    expect(draw(5, 50, { maxTxnLength: 4, maxWritesPerKey: 16 })).not.toEqual(
      draw(6, 50, { maxTxnLength: 4, maxWritesPerKey: 16 }),
    );
  });

  it('keeps every invariant of wr-txns: lengths, reads of nil, values 1..n per key, retirement by max+1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        (seed, maxTxnLength, maxWritesPerKey, keyCount) => {
          const txns = draw(seed, 200, { maxTxnLength, maxWritesPerKey, keyCount });
          const written = new Map<number, number[]>();
          const seenKeys: number[] = [];
          for (const txn of txns) {
            expect(txn.length).toBeGreaterThanOrEqual(1);
            expect(txn.length).toBeLessThanOrEqual(maxTxnLength);
            for (const [f, k, v] of txn as MicroOp[]) {
              if (!seenKeys.includes(k)) seenKeys.push(k);
              if (f === 'r') expect(v).toBeNull();
              else written.set(k, [...(written.get(k) ?? []), v]);
            }
          }
          for (const values of written.values()) {
            expect(values).toEqual(values.map((_, i) => i + 1));
            expect(values.length).toBeLessThanOrEqual(maxWritesPerKey);
          }
          // Keys are 0..keyCount-1, then fresh keys keyCount, keyCount+1, … as old ones retire.
          expect(Math.max(...seenKeys)).toBeLessThan(keyCount + written.size + 1);
          for (const k of seenKeys) expect(Number.isInteger(k) && k >= 0).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('retires a key after max-writes-per-key and replaces it by the largest active key + 1', () => {
    const txns = draw(1, 400, { maxTxnLength: 4, maxWritesPerKey: 2, keyCount: 3 });
    const keys = [...new Set(txns.flat().map(([, k]) => k))];
    expect(keys.slice(0, 3).sort()).toEqual([0, 1, 2]);
    expect(Math.max(...keys)).toBeGreaterThan(2);
    const sorted = [...keys].sort((a, b) => a - b);
    expect(sorted).toEqual(sorted.map((_, i) => i));
  });

  it('favours later pool positions exponentially: the last of 10 keys takes about half the micro-ops', () => {
    const mops = draw(3, 2000, { maxTxnLength: 4, maxWritesPerKey: 1_000_000 }).flat();
    const share = (k: number) => mops.filter(([, key]) => key === k).length / mops.length;
    expect(share(9)).toBeGreaterThan(0.4);
    expect(share(9)).toBeLessThan(0.6);
    expect(share(8)).toBeGreaterThan(0.18);
    expect(share(0)).toBeLessThan(0.01);
  });
});
