/** Keys and values of the txn-rw-register workload are integers. */
export type Key = number;
export type Value = number;

/** A read as the client sends it (`null`) or as it is completed (the value seen, `null` if the key is missing). */
export type ReadOp = readonly ['r', Key, Value | null];
export type WriteOp = readonly ['w', Key, Value];
export type MicroOp = ReadOp | WriteOp;
export type Txn = readonly MicroOp[];

export type ParsedTxn =
  { readonly ok: true; readonly txn: Txn } | { readonly ok: false; readonly error: string };

/**
 * Checks a whole transaction before anything runs, so a malformed one is rejected entirely and never half-applied.
 * Accepts reads whose third element is `null` and writes of an integer value, both on integer keys.
 */
export function parseTxn(raw: unknown): ParsedTxn {
  if (!Array.isArray(raw)) return { ok: false, error: 'txn must be an array of micro-ops' };
  const txn: MicroOp[] = [];
  for (const [index, op] of raw.entries()) {
    const parsed = parseMicroOp(op);
    if (typeof parsed === 'string') return { ok: false, error: `micro-op ${index}: ${parsed}` };
    txn.push(parsed);
  }
  return { ok: true, txn };
}

function parseMicroOp(op: unknown): MicroOp | string {
  if (!Array.isArray(op) || op.length !== 3) return 'expected [f, key, value]';
  const [f, key, value]: unknown[] = op;
  if (!Number.isSafeInteger(key)) return 'key must be an integer';
  const k = key as number;
  if (f === 'r') return value === null ? ['r', k, null] : 'a read must carry null';
  if (f === 'w')
    return Number.isSafeInteger(value) ? ['w', k, value as number] : 'write value must be an integer';
  return `unknown micro-op ${JSON.stringify(f)}`;
}
