import { counterFromJSON, incrementCounter, mergeCounters } from './counter-slots';
import {
  noSlots,
  slotOf,
  slotsEqual,
  slotsLeq,
  slotsToJSON,
  sumSlots,
  type Slots,
  type SlotsJson,
} from './slots';

/**
 * A grow-only counter: one slot per node, each only incremented by its node. Merge takes the maximum per slot. The
 * value never exceeds Number.MAX_SAFE_INTEGER: `fromJSON` rejects input beyond it, `increment` and `merge` throw
 * RangeError rather than return a counter whose value would be rounded.
 */
export type GCounter = Slots;

/**
 * The canonical JSON form, e.g. `{"n1": 3, "n2": 5}`: keys sorted, zero slots omitted, so equal counters encode to
 * identical JSON (what a compare-and-set on a JSON store needs).
 */
export type GCounterJson = SlotsJson;

function empty(): GCounter {
  return noSlots;
}

/** Adds `by` (default 1, a non-negative safe integer) to `node`'s slot. Returns `counter` itself when `by` is 0. */
function increment(counter: GCounter, node: string, by = 1): GCounter {
  return incrementCounter(counter, node, by);
}

/** Pointwise maximum; returns an argument itself when it already includes the other. */
function merge(a: GCounter, b: GCounter): GCounter {
  return mergeCounters(a, b);
}

/** The counter's value: the sum of all slots. */
function value(counter: GCounter): number {
  return sumSlots(counter);
}

/** The count contributed by `node`. */
function get(counter: GCounter, node: string): number {
  return slotOf(counter, node);
}

/** True when `merge(a, b)` equals `b`. */
function leq(a: GCounter, b: GCounter): boolean {
  return slotsLeq(a, b);
}

function equals(a: GCounter, b: GCounter): boolean {
  return slotsEqual(a, b);
}

function toJSON(counter: GCounter): GCounterJson {
  return slotsToJSON(counter);
}

/**
 * Reads an object of node id to non-negative safe integer, summing to at most Number.MAX_SAFE_INTEGER. Slots of 0
 * are accepted and dropped. Throws {@link CrdtDecodeError} for anything else.
 */
function fromJSON(input: unknown): GCounter {
  return counterFromJSON('g-counter', input, '$');
}

/** Operations on {@link GCounter} values. */
export const GCounter = { empty, increment, merge, value, get, leq, equals, toJSON, fromJSON } as const;
