import type { Json } from '@glomers/sim';
import { isOffset } from './json-value';

/** One stored message: `[offset, msg]`, the same pair a kafka `poll_ok` carries. */
export type LogEntry = readonly [offset: number, msg: Json];

/** Entries shared by a chain of versions; see `KeyedLog`. */
interface EntryStore {
  readonly logs: Map<string, LogEntry[]>;
  /** The `nextOffset` of the newest version on this store: the only one that may append to it in place. */
  next: number;
}

/**
 * Per-key append-only logs with consumer commit offsets, as a persistent value: every operation returns a new
 * version and leaves the old one unchanged. Offsets come from one counter shared by all keys, so they are unique and
 * strictly increasing within each key (sparse per key, which kafka allows), and a log replicated as a sequence of
 * appends assigns the same offsets on every replica that applies the same sequence.
 *
 * Versions share one entry store, and a version sees only the entries below its `nextOffset`; appending to the
 * newest version writes in place (amortised O(1), the Go-slice trick made safe), appending to an older one first
 * copies what it sees. Commits copy the committed-offset map once per `commitAll`.
 */
export class KeyedLog {
  readonly #store: EntryStore;

  private constructor(
    /** The offset the next append gets; also the number of appends applied so far. */
    readonly nextOffset: number,
    readonly committed: ReadonlyMap<string, number>,
    store: EntryStore,
  ) {
    this.#store = store;
  }

  static empty(): KeyedLog {
    return new KeyedLog(0, new Map(), { logs: new Map(), next: 0 });
  }

  /** A log holding exactly these entries (offsets below `nextOffset`, increasing per key) and commits. */
  static of(
    nextOffset: number,
    logs: ReadonlyMap<string, readonly LogEntry[]>,
    committed: ReadonlyMap<string, number>,
  ): KeyedLog {
    const entries = new Map([...logs].map(([key, log]): [string, LogEntry[]] => [key, [...log]]));
    return new KeyedLog(nextOffset, new Map(committed), { logs: entries, next: nextOffset });
  }

  /** Every key's entries, as a fresh map (O(entries): for encoding and inspection, not for serving). */
  get logs(): ReadonlyMap<string, readonly LogEntry[]> {
    return this.copyLogs();
  }

  append(key: string, msg: Json): { log: KeyedLog; offset: number } {
    const store = this.#store.next === this.nextOffset ? this.#store : this.copyStore();
    const offset = this.nextOffset;
    let entries = store.logs.get(key);
    if (!entries) store.logs.set(key, (entries = []));
    entries.push([offset, msg]);
    store.next = offset + 1;
    return { log: new KeyedLog(offset + 1, this.committed, store), offset };
  }

  /**
   * Up to `maxBatch` entries of `key` with offset ≥ `from`, ascending and without gaps: the entries returned are
   * exactly the first ones of the key's log at or after `from`.
   */
  readFrom(key: string, from: number, maxBatch: number): readonly LogEntry[] {
    if (!Number.isSafeInteger(maxBatch) || maxBatch < 1)
      throw new RangeError(`maxBatch must be a positive integer`);
    const entries = this.#store.logs.get(key);
    if (!entries) return [];
    const start = firstAtOrAfter(entries, from);
    return entries.slice(start, Math.min(start + maxBatch, this.visibleEnd(entries)));
  }

  /** The highest offset stored for `key`, if any. */
  lastOffset(key: string): number | undefined {
    const entries = this.#store.logs.get(key);
    const end = entries ? this.visibleEnd(entries) : 0;
    return entries && end > 0 ? entries[end - 1][0] : undefined;
  }

  /** Records a consumer commit; a commit never moves a key's committed offset backwards. */
  commit(key: string, offset: number): KeyedLog {
    return this.commitAll([[key, offset]]).log;
  }

  /** Commits many keys at once; returns the new log and the keys whose committed offset moved. */
  commitAll(offsets: Iterable<readonly [string, number]>): { log: KeyedLog; changed: readonly string[] } {
    let committed: Map<string, number> | undefined;
    const changed: string[] = [];
    for (const [key, offset] of offsets) {
      if (!isOffset(offset)) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
      const current = (committed ?? this.committed).get(key);
      if (current !== undefined && current >= offset) continue;
      committed ??= new Map(this.committed);
      committed.set(key, offset);
      changed.push(key);
    }
    const log = committed ? new KeyedLog(this.nextOffset, committed, this.#store) : this;
    return { log, changed };
  }

  committedOffset(key: string): number | undefined {
    return this.committed.get(key);
  }

  /** How many of a key's stored entries this version sees: all of them unless a later version appended. */
  private visibleEnd(entries: readonly LogEntry[]): number {
    return this.#store.next === this.nextOffset ? entries.length : firstAtOrAfter(entries, this.nextOffset);
  }

  private copyStore(): EntryStore {
    return { logs: this.copyLogs(), next: this.nextOffset };
  }

  private copyLogs(): Map<string, LogEntry[]> {
    const logs = new Map<string, LogEntry[]>();
    for (const [key, entries] of this.#store.logs) {
      const end = this.visibleEnd(entries);
      if (end > 0) logs.set(key, entries.slice(0, end));
    }
    return logs;
  }
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
