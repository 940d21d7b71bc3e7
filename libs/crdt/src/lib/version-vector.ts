import {
  addToSlot,
  mergeSlots,
  noSlots,
  slotOf,
  slotsEqual,
  slotsFromJSON,
  slotsLeq,
  slotsToJSON,
  type Slots,
  type SlotsJson,
} from './slots';

/** One event counter per node. Merge is the pointwise maximum. */
export type VersionVector = Slots;

/** The canonical JSON form, e.g. `{"n1": 2, "n3": 1}`: keys sorted, zero entries omitted. */
export type VersionVectorJson = SlotsJson;

/** How two version vectors relate in the happened-before order. */
export type Causality = 'before' | 'after' | 'equal' | 'concurrent';

function empty(): VersionVector {
  return noSlots;
}

/** Records one more event at `node`. */
function increment(vector: VersionVector, node: string): VersionVector {
  return addToSlot(vector, node, 1);
}

/** Pointwise maximum; returns an argument itself when it already includes the other. */
function merge(a: VersionVector, b: VersionVector): VersionVector {
  return mergeSlots(a, b);
}

/** The entries of the vector (node to count; nodes absent from it count 0). */
function value(vector: VersionVector): ReadonlyMap<string, number> {
  return vector;
}

/** The number of events seen from `node`. */
function get(vector: VersionVector, node: string): number {
  return slotOf(vector, node);
}

/**
 * `'before'` when `a` happened before `b` (a ≤ b pointwise and a ≠ b), `'after'` for the reverse, `'equal'`, or
 * `'concurrent'` when each has an event the other lacks.
 */
function compare(a: VersionVector, b: VersionVector): Causality {
  const aLeqB = slotsLeq(a, b);
  const bLeqA = slotsLeq(b, a);
  if (aLeqB) return bLeqA ? 'equal' : 'before';
  return bLeqA ? 'after' : 'concurrent';
}

function equals(a: VersionVector, b: VersionVector): boolean {
  return slotsEqual(a, b);
}

function toJSON(vector: VersionVector): VersionVectorJson {
  return slotsToJSON(vector);
}

/**
 * Reads an object of node id to non-negative safe integer. Entries of 0 are accepted and dropped. Throws
 * {@link CrdtDecodeError} for anything else.
 */
function fromJSON(input: unknown): VersionVector {
  return slotsFromJSON('version-vector', input, '$');
}

/** Operations on {@link VersionVector} values. */
export const VersionVector = {
  empty,
  increment,
  merge,
  value,
  get,
  compare,
  equals,
  toJSON,
  fromJSON,
} as const;
