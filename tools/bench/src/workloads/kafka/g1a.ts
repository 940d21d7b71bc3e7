/** Aborted reads (jepsen.tests.kafka `g1a-cases`): an ok poll returned a message whose send failed. */
import type { History, Op } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { opReads, opWrites, type Key } from './ops';
import type { WriterOf } from './writers-readers';

export interface G1aCase {
  readonly key: Key;
  readonly value: unknown;
  readonly writer: Op | undefined;
  readonly reader: Op;
}

export function g1aCases(history: History, writers: WriterOf): G1aCase[] {
  const failed = new Map<Key, Set<string>>();
  for (const op of history) {
    if (op.type !== 'fail' || (op.f !== 'send' && op.f !== 'txn')) continue;
    for (const [k, vs] of opWrites(op)) {
      const set = failed.get(k) ?? new Set<string>();
      failed.set(k, set);
      for (const v of vs) set.add(jsonKey(v));
    }
  }
  const cases: G1aCase[] = [];
  for (const op of history) {
    if (op.type !== 'ok' || (op.f !== 'poll' && op.f !== 'txn')) continue;
    for (const [k, vs] of opReads(op)) {
      for (const v of vs) {
        if (failed.get(k)?.has(jsonKey(v))) {
          cases.push({ key: k, value: v, writer: writers.get(k)?.get(jsonKey(v)), reader: op });
        }
      }
    }
  }
  return cases;
}
