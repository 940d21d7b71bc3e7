/**
 * Precommitted reads (jepsen.tests.kafka `precommitted-read-cases`): an op that polled a message it sent itself.
 * Only transactions (`txn` ops, which Maelstrom never issues) both send and poll.
 */
import type { History, Op } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { opReads, opWrites, type Key } from './ops';

export interface PrecommittedRead {
  readonly op: Op;
  readonly key: Key;
  readonly value: unknown;
}

export function precommittedReadCases(history: History): PrecommittedRead[] {
  const cases: PrecommittedRead[] = [];
  for (const op of history) {
    const reads = opReads(op);
    for (const [k, vs] of opWrites(op)) {
      const read = new Set((reads.get(k) ?? []).map(jsonKey));
      const bad = vs.find((v) => read.has(jsonKey(v)));
      if (bad !== undefined) {
        cases.push({ op, key: k, value: bad });
        break;
      }
    }
  }
  return cases;
}
