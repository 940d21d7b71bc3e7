import type { TxnNodeOptions } from './txn-options';

/** The stores the transaction challenges bind: 6a and 6b read-uncommitted, 6c read-committed. */
export const TXN_PRESETS = {
  readUncommitted: { isolation: 'read-uncommitted', flushIntervalMs: 25, retryAfterMs: 500 },
  readCommitted: { isolation: 'read-committed', flushIntervalMs: 25, retryAfterMs: 500 },
} as const satisfies Record<string, TxnNodeOptions>;
