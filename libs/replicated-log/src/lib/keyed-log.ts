import { isOffset, type JsonValue } from './json-value';

/** One stored message: `[offset, msg]`, the same pair a kafka `poll_ok` carries. */
export type LogEntry = readonly [offset: number, msg: JsonValue];

/**
 * Per-key append-only logs with consumer commit offsets, as a value. Offsets come from one counter shared by all
 * keys, so they are unique and strictly increasing within each key (sparse per key, which kafka allows), and a log
 * replicated as a sequence of appends assigns the same offsets on every replica that applies the same sequence.
 */
export interface KeyedLog {
  /** The offset the next append gets; also the number of appends applied so far. */
  readonly nextOffset: number;
  readonly logs: ReadonlyMap<string, readonly LogEntry[]>;
  readonly committed: ReadonlyMap<string, number>;
}

export const emptyKeyedLog: KeyedLog = { nextOffset: 0, logs: new Map(), committed: new Map() };

export function append(log: KeyedLog, key: string, msg: JsonValue): { log: KeyedLog; offset: number } {
  const offset = log.nextOffset;
  const logs = new Map(log.logs);
  logs.set(key, [...(log.logs.get(key) ?? []), [offset, msg]]);
  return { log: { nextOffset: offset + 1, logs, committed: log.committed }, offset };
}

/**
 * Up to `maxBatch` entries of `key` with offset ≥ `from`, ascending and without gaps: the entries returned are
 * exactly the first ones of the key's log at or after `from`.
 */
export function readFrom(log: KeyedLog, key: string, from: number, maxBatch: number): readonly LogEntry[] {
  if (!Number.isSafeInteger(maxBatch) || maxBatch < 1)
    throw new RangeError(`maxBatch must be a positive integer`);
  const entries = log.logs.get(key);
  if (!entries) return [];
  const start = firstAtOrAfter(entries, from);
  return entries.slice(start, start + maxBatch);
}

/** The highest offset stored for `key`, if any. */
export function lastOffset(log: KeyedLog, key: string): number | undefined {
  const entries = log.logs.get(key);
  return entries && entries.length > 0 ? entries[entries.length - 1][0] : undefined;
}

/** Records a consumer commit; a commit never moves a key's committed offset backwards. */
export function commit(log: KeyedLog, key: string, offset: number): KeyedLog {
  if (!isOffset(offset)) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  const current = log.committed.get(key);
  if (current !== undefined && current >= offset) return log;
  const committed = new Map(log.committed);
  committed.set(key, offset);
  return { ...log, committed };
}

/** Commits many keys at once; returns the new log and the keys whose committed offset moved. */
export function commitAll(
  log: KeyedLog,
  offsets: Iterable<readonly [string, number]>,
): { log: KeyedLog; changed: readonly string[] } {
  let next = log;
  const changed: string[] = [];
  for (const [key, offset] of offsets) {
    const before = next;
    next = commit(next, key, offset);
    if (next !== before) changed.push(key);
  }
  return { log: next, changed };
}

export function committedOffset(log: KeyedLog, key: string): number | undefined {
  return log.committed.get(key);
}

function firstAtOrAfter(entries: readonly LogEntry[], from: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid][0] < from) low = mid + 1;
    else high = mid;
  }
  return low;
}
