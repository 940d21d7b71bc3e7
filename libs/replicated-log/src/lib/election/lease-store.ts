import { isPlainObject } from '@glomers/sim';
import { isOffset } from '../json-value';

/**
 * The content of the leadership register. `term` grows by one on every takeover and is written by exactly one
 * holder; `renewal` counts that holder's renewals, so every renewal changes the value and watchers can tell a live
 * leader from a silent one without comparing clocks across processes. `excluded` names nodes the holder stopped
 * waiting for (unreachable while the register was not): they may lack committed entries, so they may not take over.
 */
export type LeaseRecord = {
  readonly term: number;
  readonly holder: string;
  readonly renewal: number;
  readonly excluded?: readonly string[];
};

/**
 * A linearizable register, in the replicated log's own terms (node-kafka's `KvLeaseStore` puts Maelstrom's lin-kv
 * behind it). `read` resolves with the register's value, or `undefined` when it was never written. `cas` resolves
 * `true` when it applied and `false` when it was refused: the register held something other than `from`, or
 * nothing while `createIfNotExists` was false. Either rejects when the outcome is unknown (no answer in time): a
 * cas may then have applied or not.
 */
export interface LeaseStore {
  read(key: string): Promise<unknown>;
  cas(key: string, from: LeaseRecord | null, to: LeaseRecord, createIfNotExists: boolean): Promise<boolean>;
}

export function isLeaseRecord(value: unknown): value is LeaseRecord {
  return (
    isPlainObject(value) &&
    isOffset(value['term']) &&
    typeof value['holder'] === 'string' &&
    isOffset(value['renewal']) &&
    (value['excluded'] === undefined ||
      (Array.isArray(value['excluded']) && value['excluded'].every((id) => typeof id === 'string')))
  );
}

/** The nodes a record excludes from taking over (none when the field is absent). */
export function excludedBy(record: LeaseRecord): readonly string[] {
  return record.excluded ?? [];
}

/** The record with `excluded` set (the field left out when empty, so records without exclusions keep one shape). */
export function withExcluded(record: LeaseRecord, excluded: readonly string[]): LeaseRecord {
  const { term, holder, renewal } = record;
  return excluded.length === 0
    ? { term, holder, renewal }
    : { term, holder, renewal, excluded: [...excluded] };
}

export function sameLease(a: LeaseRecord, b: LeaseRecord): boolean {
  return (
    a.term === b.term &&
    a.holder === b.holder &&
    a.renewal === b.renewal &&
    sameIds(excludedBy(a), excludedBy(b))
  );
}

/** The same node ids in the same order (exclusion lists are kept sorted). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/**
 * A linearizable register in memory: for a single-node cluster (nothing to agree with) and for tests.
 */
export class InMemoryLeaseStore implements LeaseStore {
  private readonly values = new Map<string, LeaseRecord>();

  async read(key: string): Promise<unknown> {
    return this.values.get(key);
  }

  async cas(
    key: string,
    from: LeaseRecord | null,
    to: LeaseRecord,
    createIfNotExists: boolean,
  ): Promise<boolean> {
    const current = this.values.get(key);
    const holds = current === undefined ? createIfNotExists : from !== null && sameLease(current, from);
    if (holds) this.values.set(key, to);
    return holds;
  }

  /** The current value, for assertions. */
  peek(key: string): LeaseRecord | undefined {
    return this.values.get(key);
  }
}
