export interface TxnNodeOptions {
  /** Batching window for write-sets bound for peers. */
  readonly flushIntervalMs: number;
  /** An unacknowledged batch is resent after this long. */
  readonly retryAfterMs: number;
}

export const TXN_OPTIONS = Symbol.for('glomers.TxnNodeOptions');
