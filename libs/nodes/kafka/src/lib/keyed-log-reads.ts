import type { KafkaEntry } from '@glomers/protocol';
import type { KeyedLog } from '@glomers/replicated-log';
import { MAX_POLL_BATCH } from './kafka-backend';

/**
 * A `poll_ok`'s `msgs` from a log: each key's entries from its offset, keys with none left out. Built with
 * `Object.fromEntries`, which keeps a key such as `__proto__` as data (an assignment would set the prototype).
 */
export function pollKeyedLog(
  log: KeyedLog,
  offsets: Readonly<Record<string, number>>,
): Record<string, KafkaEntry[]> {
  const msgs: Array<[string, KafkaEntry[]]> = [];
  for (const [key, from] of Object.entries(offsets)) {
    const entries = log.readFrom(key, from, MAX_POLL_BATCH);
    if (entries.length > 0) msgs.push([key, [...entries]]);
  }
  return Object.fromEntries(msgs);
}

/** Committed offsets of `keys` in a log; keys never committed are left out. */
export function committedInKeyedLog(log: KeyedLog, keys: readonly string[]): Record<string, number> {
  const offsets: Array<[string, number]> = [];
  for (const key of keys) {
    const offset = log.committedOffset(key);
    if (offset !== undefined) offsets.push([key, offset]);
  }
  return Object.fromEntries(offsets);
}
