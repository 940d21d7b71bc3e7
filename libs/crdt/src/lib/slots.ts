import { compareCodeUnits } from './code-unit-order';
import type { CrdtKind } from './decode-error';
import { childPath, expectCount, expectPlainObject } from './json-input';

/**
 * One non-negative count per node: the state shared by G-Counters and version vectors. Slots that would be 0 are
 * never stored, so two maps with the same counts have the same entries.
 */
export type Slots = ReadonlyMap<string, number>;

/**
 * The canonical JSON form of {@link Slots}: node id to positive count, keys inserted in ascending code-unit order.
 * (JavaScript always lists integer-like keys such as "7" first, in numeric order; the output is still deterministic.)
 */
export type SlotsJson = Readonly<Record<string, number>>;

export const noSlots: Slots = new Map<string, number>();

export function slotOf(slots: Slots, node: string): number {
  return slots.get(node) ?? 0;
}

/** Adds `by` to `node`'s slot. Returns `slots` itself when `by` is 0. */
export function addToSlot(slots: Slots, node: string, by: number): Slots {
  if (!Number.isSafeInteger(by) || by < 0)
    throw new RangeError(`increment must be a non-negative safe integer: ${by}`);
  if (by === 0) return slots;
  const next = slotOf(slots, node) + by;
  if (!Number.isSafeInteger(next))
    throw new RangeError(`count for ${node} would exceed Number.MAX_SAFE_INTEGER`);
  return new Map(slots).set(node, next);
}

/** True when every slot of `a` is at most the same slot of `b`. */
export function slotsLeq(a: Slots, b: Slots): boolean {
  for (const [node, count] of a) if (count > slotOf(b, node)) return false;
  return true;
}

/** Pointwise maximum; returns `a` or `b` itself when one already dominates the other. */
export function mergeSlots(a: Slots, b: Slots): Slots {
  if (slotsLeq(b, a)) return a;
  if (slotsLeq(a, b)) return b;
  const merged = new Map(a);
  for (const [node, count] of b) if (count > slotOf(a, node)) merged.set(node, count);
  return merged;
}

/** Same nodes with the same counts (zero slots are never stored, so sizes must match). */
export function slotsEqual(a: Slots, b: Slots): boolean {
  if (a.size !== b.size) return false;
  for (const [node, count] of a) if (b.get(node) !== count) return false;
  return true;
}

export function sumSlots(slots: Slots): number {
  let total = 0;
  for (const count of slots.values()) total += count;
  return total;
}

export function slotsToJSON(slots: Slots): SlotsJson {
  // Object.fromEntries defines own properties, so even a node called "__proto__" is kept as data.
  return Object.fromEntries([...slots].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** Reads a {@link SlotsJson}. Slots written as 0 are accepted and dropped, so equal states stay equal. */
export function slotsFromJSON(crdt: CrdtKind, input: unknown, path: string): Slots {
  const object = expectPlainObject(crdt, input, path);
  const slots = new Map<string, number>();
  for (const [node, count] of Object.entries(object)) {
    const checked = expectCount(crdt, count, childPath(path, node));
    if (checked > 0) slots.set(node, checked);
  }
  return slots;
}
