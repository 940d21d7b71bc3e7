/** One message at several offsets of a key (jepsen.tests.kafka `duplicate-cases`). */
import type { Key } from './ops';
import type { VersionOrder } from './version-orders';

export interface DuplicateCase {
  readonly key: Key;
  readonly value: unknown;
  readonly count: number;
  /** The offsets holding it. */
  readonly offsets: number[];
}

export function duplicateCases(orders: ReadonlyMap<Key, VersionOrder>): DuplicateCase[] {
  const cases: DuplicateCase[] = [];
  for (const [k, order] of orders) {
    const seen = new Map<string, { value: unknown; offsets: number[] }>();
    for (const entry of order.log) {
      for (const [vk, value] of entry.values) {
        const s = seen.get(vk) ?? { value, offsets: [] };
        s.offsets.push(entry.offset);
        seen.set(vk, s);
      }
    }
    for (const { value, offsets } of seen.values()) {
      if (offsets.length > 1) cases.push({ key: k, value, count: offsets.length, offsets });
    }
  }
  return cases;
}
