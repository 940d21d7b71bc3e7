import { isOffset, isPlainObject } from '../json-value';

/**
 * The content of the leadership register. `term` grows by one on every takeover and is written by exactly one
 * holder; `renewal` counts that holder's renewals, so every renewal changes the value and watchers can tell a live
 * leader from a silent one without comparing clocks across processes.
 */
export type LeaseRecord = { readonly term: number; readonly holder: string; readonly renewal: number };

/**
 * A linearizable register (Maelstrom's `lin-kv` through the runtime's `KvClient` fits as is). Failures reject with
 * an error whose numeric `code` is 20 (key missing), 22 (cas precondition failed) or anything else (e.g. 0,
 * timeout: the cas may or may not have happened).
 */
export interface LeaseStore {
  read(key: string): Promise<unknown>;
  cas(key: string, from: LeaseRecord | null, to: LeaseRecord, createIfNotExists: boolean): Promise<void>;
}

export const KEY_MISSING = 20;
export const PRECONDITION_FAILED = 22;

export function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

export function isLeaseRecord(value: unknown): value is LeaseRecord {
  return (
    isPlainObject(value) &&
    isOffset(value['term']) &&
    typeof value['holder'] === 'string' &&
    isOffset(value['renewal'])
  );
}

export function sameLease(a: LeaseRecord, b: LeaseRecord): boolean {
  return a.term === b.term && a.holder === b.holder && a.renewal === b.renewal;
}

/** An error carrying a Maelstrom-style code, as the in-memory store rejects with. */
export class LeaseStoreError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'LeaseStoreError';
  }
}

/**
 * A linearizable register in memory: for a single-node cluster (nothing to agree with) and for tests, which can
 * inject failures with `failNext`.
 */
export class InMemoryLeaseStore implements LeaseStore {
  private readonly values = new Map<string, LeaseRecord>();
  private readonly failures: Array<(key: string) => LeaseStoreError | undefined> = [];

  async read(key: string): Promise<unknown> {
    const injected = this.failures.shift()?.(key);
    if (injected) throw injected;
    const value = this.values.get(key);
    if (value === undefined) throw new LeaseStoreError(KEY_MISSING, `key ${key} does not exist`);
    return value;
  }

  async cas(
    key: string,
    from: LeaseRecord | null,
    to: LeaseRecord,
    createIfNotExists: boolean,
  ): Promise<void> {
    const injected = this.failures.shift()?.(key);
    if (injected) throw injected;
    const current = this.values.get(key);
    if (current === undefined) {
      if (!createIfNotExists) throw new LeaseStoreError(KEY_MISSING, `key ${key} does not exist`);
    } else if (from === null || !sameLease(current, from)) {
      throw new LeaseStoreError(
        PRECONDITION_FAILED,
        `expected ${JSON.stringify(from)}, had ${JSON.stringify(current)}`,
      );
    }
    this.values.set(key, to);
  }

  /** The current value, for assertions. */
  peek(key: string): LeaseRecord | undefined {
    return this.values.get(key);
  }

  /** Makes the next operation (read or cas) fail with `code`. */
  failNext(code: number): void {
    this.failures.push(() => new LeaseStoreError(code, `injected failure ${code}`));
  }
}
