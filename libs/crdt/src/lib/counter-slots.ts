import { CrdtDecodeError, type CrdtKind } from './decode-error';
import { addToSlot, mergeSlots, slotsFromJSON, sumSlots, type Slots } from './slots';

/**
 * Slots of a counter (a G-Counter, a half of a PN-Counter) whose counts sum to at most Number.MAX_SAFE_INTEGER, so
 * its value is exact in every JSON reader and in JavaScript arithmetic. Input beyond that is rejected and an
 * update beyond it throws RangeError, instead of a value that silently rounds.
 */
const TOO_LARGE = `the counts sum to more than Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER})`;

function checkedTotal(slots: Slots): Slots {
  if (!Number.isSafeInteger(sumSlots(slots))) throw new RangeError(TOO_LARGE);
  return slots;
}

export function incrementCounter(slots: Slots, node: string, by: number): Slots {
  const next = addToSlot(slots, node, by);
  return next === slots ? slots : checkedTotal(next);
}

export function mergeCounters(a: Slots, b: Slots): Slots {
  const merged = mergeSlots(a, b);
  return merged === a || merged === b ? merged : checkedTotal(merged);
}

export function counterFromJSON(crdt: CrdtKind, input: unknown, path: string): Slots {
  const slots = slotsFromJSON(crdt, input, path);
  if (!Number.isSafeInteger(sumSlots(slots))) throw new CrdtDecodeError(crdt, path, TOO_LARGE);
  return slots;
}
