import type { TxnNodeOptions } from './txn-options';

/**
 * The options every transaction challenge binds (6a, 6b, 6c): one store is read committed, which 6c asks for, and
 * so read uncommitted, which 6a and 6b ask for (libs/txn/README.md says why).
 */
export const TXN_DEFAULTS = { flushIntervalMs: 25, retryAfterMs: 500 } as const satisfies TxnNodeOptions;
