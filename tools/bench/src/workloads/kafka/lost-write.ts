/**
 * Lost writes (jepsen.tests.kafka `lost-write-cases`). Per key: the bound is the highest of the *first* indices at
 * which the ok-polled messages appear in the log; every message whose *last* appearance is at or below the bound
 * should have been polled by some ok poll. Those that were not, and whose sender provably committed (ok, or info
 * with some message polled), are lost.
 */
import type { Op } from '../../lib/history';
import type { Key } from './ops';
import type { ReadsByType, VersionOrder } from './version-orders';
import { mustHaveCommitted } from './version-orders';
import { CheckerCrash, writerOrThrow, type ReadersOf, type WriterOf } from './writers-readers';

export interface LostWriteCase {
  readonly key: Key;
  readonly value: unknown;
  readonly index: number | undefined;
  readonly 'max-read-index': number;
  readonly writer: Op;
  readonly 'max-read': Op | undefined;
}

export function lostWriteCases(
  orders: ReadonlyMap<Key, VersionOrder>,
  reads: ReadsByType,
  writers: WriterOf,
  readers: ReadersOf,
): LostWriteCase[] {
  const cases: LostWriteCase[] = [];
  for (const [k, okReads] of reads.get('ok') ?? new Map<Key, ReadonlySet<string>>()) {
    const log = orders.get(k)?.log ?? [];
    const firstIndex = new Map<string, number>();
    const lastIndex = new Map<string, { value: unknown; index: number }>();
    log.forEach((entry, i) => {
      for (const [vk, value] of entry.values) {
        if (!firstIndex.has(vk)) firstIndex.set(vk, i);
        lastIndex.set(vk, { value, index: i });
      }
    });
    let bound = -1;
    for (const vk of okReads) {
      const i = firstIndex.get(vk);
      if (i !== undefined && i > bound) bound = i;
    }
    const mustRead: Array<{ vk: string; value: unknown }> = [];
    for (const [vk, { value, index }] of lastIndex) if (index <= bound) mustRead.push({ vk, value });
    mustRead.sort((a, b) => (lastIndex.get(a.vk)?.index ?? 0) - (lastIndex.get(b.vk)?.index ?? 0));
    // Jepsen evaluates `(nth last-index->values bound)` for every ok-polled key: with no ok-polled message of this
    // key in the log (e.g. every ok poll of it returned an empty list) that is (nth v -1), and the checker crashes.
    if (bound < 0)
      throw new CheckerCrash('java.lang.IndexOutOfBoundsException', `lost-write-cases: key ${k}`);
    const atBound = [...lastIndex.entries()].find(([, e]) => e.index === bound);
    const maxRead = atBound ? readers.get(k)?.get(atBound[0])?.[0] : undefined;
    for (const { vk, value } of mustRead) {
      if (okReads.has(vk)) continue;
      const writer = writerOrThrow(writers, k, value, 'no-writer-of');
      if (!mustHaveCommitted(reads, writer)) continue;
      cases.push({
        key: k,
        value,
        index: firstIndex.get(vk),
        'max-read-index': bound,
        writer,
        'max-read': maxRead,
      });
    }
  }
  return cases;
}
