/** Who sent and who polled each message (jepsen.tests.kafka `writer-of`, `readers-of`). */
import type { History, Op } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { opReads, opWrites, type Key } from './ops';

/** Key → message → the last completed op that sent it (ok, info or fail). */
export type WriterOf = ReadonlyMap<Key, ReadonlyMap<string, Op>>;
/** Key → message → every completed op that polled it (once per occurrence). */
export type ReadersOf = ReadonlyMap<Key, ReadonlyMap<string, readonly Op[]>>;

export function writerOf(history: History): WriterOf {
  const out = new Map<Key, Map<string, Op>>();
  for (const op of history) {
    if (op.type === 'invoke') continue;
    for (const [k, vs] of opWrites(op)) {
      const byValue = out.get(k) ?? new Map<string, Op>();
      out.set(k, byValue);
      for (const v of vs) byValue.set(jsonKey(v), op);
    }
  }
  return out;
}

export function readersOf(history: History): ReadersOf {
  const out = new Map<Key, Map<string, Op[]>>();
  for (const op of history) {
    if (op.type === 'invoke') continue;
    for (const [k, vs] of opReads(op)) {
      const byValue = out.get(k) ?? new Map<string, Op[]>();
      out.set(k, byValue);
      for (const v of vs) {
        const key = jsonKey(v);
        const readers = byValue.get(key) ?? [];
        readers.push(op);
        byValue.set(key, readers);
      }
    }
  }
  return out;
}

/**
 * A polled message that no op ever sent. Jepsen's checker throws `{:type :no-writer-of-value}` here, so Maelstrom
 * reports the workload as `:valid? :unknown`.
 */
export class NoWriterOf extends Error {
  constructor(
    readonly type: 'no-writer-of-value' | 'no-writer-of',
    readonly key: Key,
    readonly messageValue: unknown,
  ) {
    super(`no op sent ${JSON.stringify(messageValue)} to key ${JSON.stringify(key)}`);
    this.name = 'NoWriterOf';
  }
}

export function writerOrThrow(
  writers: WriterOf,
  k: Key,
  v: unknown,
  type: NoWriterOf['type'] = 'no-writer-of-value',
): Op {
  const w = writers.get(k)?.get(jsonKey(v));
  if (!w) throw new NoWriterOf(type, k, v);
  return w;
}

/** An exception Jepsen's kafka checker would throw on this history: Maelstrom then reports `:valid? :unknown`. */
export class CheckerCrash extends Error {
  constructor(
    readonly exceptionType: string,
    readonly where: string,
  ) {
    super(`${exceptionType} in ${where}`);
    this.name = 'CheckerCrash';
  }
}
