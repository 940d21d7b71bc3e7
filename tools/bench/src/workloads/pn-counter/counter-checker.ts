import type { CheckResult, History, Op } from '../../lib/history';

/** An inclusive integer interval [lo, hi]. */
export type Interval = readonly [number, number];

/**
 * Maelstrom's pn-counter checker (g-counter uses the same one). Every ok final read must be the sum of all ok adds
 * plus the deltas of any subset of indeterminate (info) adds. Non-final reads are not checked.
 */
export function checkCounter(history: History): CheckResult {
  const adds = history.filter((op) => op.f === 'add');
  const definiteSum = adds.filter((op) => op.type === 'ok').reduce((sum, op) => sum + delta(op), 0);

  let acceptable: readonly Interval[] = [[definiteSum, definiteSum]];
  for (const add of adds) {
    if (add.type !== 'info') continue;
    const d = delta(add);
    acceptable = unionIntervals([...acceptable, ...acceptable.map(([lo, hi]): Interval => [lo + d, hi + d])]);
  }

  const finalReads = history.filter((op) => op.final === true && op.type === 'ok');
  const errors = finalReads.filter((op) => !contains(acceptable, op.value));
  return {
    'valid?': errors.length === 0,
    errors: errors.length > 0 ? errors : null,
    'final-reads': finalReads.map((op) => op.value),
    acceptable: acceptable.map(([lo, hi]) => [lo, hi]),
  };
}

function delta(op: Op): number {
  return typeof op.value === 'number' ? op.value : 0;
}

function contains(intervals: readonly Interval[], value: unknown): boolean {
  return typeof value === 'number' && intervals.some(([lo, hi]) => lo <= value && value <= hi);
}

/**
 * Sorted, coalesced union, as Guava's TreeRangeSet of open ranges (lo−1, hi+1) yields: overlapping or adjacent
 * integer intervals merge, intervals with a gap stay apart.
 */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      last[1] = Math.max(last[1], hi);
    } else {
      merged.push([lo, hi]);
    }
  }
  return merged;
}
