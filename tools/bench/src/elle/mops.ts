/**
 * Micro-operations of rw-register transactions and their external reads and writes (jepsen.txn `ext-reads`,
 * `ext-writes`). Keys and values are compared through {@link enc}: numbers stay numbers, anything else becomes its
 * JSON text, so `null` (Clojure's nil) is the string "null" and the string "null" is "\"null\"".
 */
export type Mop = readonly [f: string, k: unknown, v: unknown];
export type Enc = number | string;

export const NIL: Enc = 'null';

export function enc(x: unknown): Enc {
  return typeof x === 'number' ? x : (JSON.stringify(x) ?? 'null');
}

export function isMop(x: unknown): x is Mop {
  return Array.isArray(x) && x.length === 3 && typeof x[0] === 'string';
}

/** A transaction as a checker sees it: micro-ops with encoded keys and values, original mops kept. */
export interface Txn {
  readonly mops: readonly Mop[];
  /** External reads: key → value of the first micro-op on that key, when it is a read. */
  readonly extReads: ReadonlyMap<Enc, Enc>;
  /** External writes: key → value of the last write to that key. */
  readonly extWrites: ReadonlyMap<Enc, Enc>;
  /** Raw keys and values by encoding (numbers encode as themselves and are not stored): see {@link decode}. */
  readonly raw: ReadonlyMap<Enc, unknown>;
}

/** `raw` may be shared by all txns of a history (encodings are injective), which saves a map per txn. */
export function toTxn(value: unknown, raw: Map<Enc, unknown> = new Map()): Txn {
  const mops: Mop[] = Array.isArray(value) ? value.filter(isMop) : [];
  const extReads = new Map<Enc, Enc>();
  const extWrites = new Map<Enc, Enc>();
  for (const mop of mops) {
    const k = mop[1];
    const v = mop[2];
    const ke = enc(k);
    const ve = enc(v);
    if (typeof k !== 'number') raw.set(ke, k);
    if (typeof v !== 'number') raw.set(ve, v);
    // A key seen before is in one of the two maps: a first read put it in extReads, any write in extWrites.
    if (mop[0] !== 'r') extWrites.set(ke, ve);
    else if (!extReads.has(ke) && !extWrites.has(ke)) extReads.set(ke, ve);
  }
  return { mops, extReads, extWrites, raw };
}

/** Position of the first micro-op equal to [f k v] (Elle's `index-of`), or -1. */
export function mopIndex(mops: readonly Mop[], f: string, k: Enc, v: Enc): number {
  return mops.findIndex(([f2, k2, v2]) => f2 === f && enc(k2) === k && enc(v2) === v);
}

/** The key or value an encoding stands for. */
export function decode(raw: ReadonlyMap<Enc, unknown>, e: Enc): unknown {
  return typeof e === 'number' ? e : raw.get(e);
}
