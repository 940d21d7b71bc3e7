import { expectExactKeys, expectPlainObject } from './json-input';
import { counterFromJSON, incrementCounter, mergeCounters } from './counter-slots';
import { noSlots, slotsEqual, slotsToJSON, sumSlots, type Slots, type SlotsJson } from './slots';

/**
 * A counter that can go down: increments in `p`, decrements in `n`, each a G-Counter (so each sums to at most
 * Number.MAX_SAFE_INTEGER, and the value is exact).
 */
export interface PNCounter {
  readonly p: Slots;
  readonly n: Slots;
}

/** The canonical JSON form, e.g. `{"n": {"n2": 1}, "p": {"n1": 4}}`: exactly the fields `n` and `p`. */
export interface PNCounterJson {
  readonly n: SlotsJson;
  readonly p: SlotsJson;
}

const zero: PNCounter = { p: noSlots, n: noSlots };

function empty(): PNCounter {
  return zero;
}

function withSlots(counter: PNCounter, p: Slots, n: Slots): PNCounter {
  return p === counter.p && n === counter.n ? counter : { p, n };
}

/** Adds `by` (default 1, a non-negative safe integer) at `node`. */
function increment(counter: PNCounter, node: string, by = 1): PNCounter {
  return withSlots(counter, incrementCounter(counter.p, node, by), counter.n);
}

/** Subtracts `by` (default 1, a non-negative safe integer) at `node`. */
function decrement(counter: PNCounter, node: string, by = 1): PNCounter {
  return withSlots(counter, counter.p, incrementCounter(counter.n, node, by));
}

/** Merges increments and decrements separately; returns an argument itself when it already includes the other. */
function merge(a: PNCounter, b: PNCounter): PNCounter {
  const p = mergeCounters(a.p, b.p);
  const n = mergeCounters(a.n, b.n);
  if (p === a.p && n === a.n) return a;
  if (p === b.p && n === b.n) return b;
  return { p, n };
}

/** Total increments minus total decrements. */
function value(counter: PNCounter): number {
  return sumSlots(counter.p) - sumSlots(counter.n);
}

function equals(a: PNCounter, b: PNCounter): boolean {
  return slotsEqual(a.p, b.p) && slotsEqual(a.n, b.n);
}

function toJSON(counter: PNCounter): PNCounterJson {
  return { n: slotsToJSON(counter.n), p: slotsToJSON(counter.p) };
}

/** Reads `{"n": {...}, "p": {...}}` with no other fields. Throws {@link CrdtDecodeError} for anything else. */
function fromJSON(input: unknown): PNCounter {
  const object = expectPlainObject('pn-counter', input, '$');
  expectExactKeys('pn-counter', object, ['n', 'p'], '$');
  return {
    p: counterFromJSON('pn-counter', object['p'], '$.p'),
    n: counterFromJSON('pn-counter', object['n'], '$.n'),
  };
}

/** Operations on {@link PNCounter} values. */
export const PNCounter = { empty, increment, decrement, merge, value, equals, toJSON, fromJSON } as const;
