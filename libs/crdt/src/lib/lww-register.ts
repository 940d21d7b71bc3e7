import { CrdtDecodeError } from './decode-error';
import { compareCodeUnits } from './code-unit-order';
import { describe, expectCount, expectExactKeys, expectPlainObject, isJsonValue } from './json-input';

/**
 * A last-writer-wins register: the write with the highest timestamp wins; writes with equal timestamps are ordered
 * by an injected {@link TieBreak}.
 */
export interface LwwRegister<T> {
  readonly value: T;
  /** A non-negative safe integer, e.g. a Lamport or hybrid clock reading. */
  readonly timestamp: number;
  /** Who wrote `value`. */
  readonly writer: string;
}

/**
 * Orders two registers whose timestamps are equal: positive when `a` wins, negative when `b` wins, 0 only when they
 * are the same write. It must be a total order that every replica uses, or replicas may not converge.
 */
export type TieBreak<T> = (a: LwwRegister<T>, b: LwwRegister<T>) => number;

/** The canonical JSON form: exactly the fields `timestamp`, `value` and `writer`, in that order. */
export interface LwwRegisterJson<T> {
  readonly timestamp: number;
  readonly value: T;
  readonly writer: string;
}

/** Tells whether a decoded JSON value is a register value of the expected type. */
export type ValueGuard<T> = (value: unknown) => value is T;

/**
 * Tie-break by writer id (code-unit order; the greater id wins). Total as long as a writer never issues two
 * different writes with the same timestamp, which holds when each node's clock strictly increases.
 */
function byWriter<T>(a: LwwRegister<T>, b: LwwRegister<T>): number {
  return compareCodeUnits(a.writer, b.writer);
}

/** A register holding `initial` at timestamp 0, written by nobody (writer `""`). Replicas must agree on `initial`. */
function empty<T>(initial: T): LwwRegister<T> {
  return { value: initial, timestamp: 0, writer: '' };
}

/** The later of `a` and `b` (by timestamp, then `tieBreak`); on a tie `tieBreak` calls equal it returns `a`. */
function merge<T>(a: LwwRegister<T>, b: LwwRegister<T>, tieBreak: TieBreak<T>): LwwRegister<T> {
  if (a === b || a.timestamp > b.timestamp) return a;
  if (b.timestamp > a.timestamp) return b;
  return tieBreak(a, b) >= 0 ? a : b;
}

/**
 * Writes `value` at `timestamp` as `writer`: `merge(register, write)`, so a write older than the current state is
 * ignored and `set` is always an inflation.
 */
function set<T>(
  register: LwwRegister<T>,
  value: T,
  timestamp: number,
  writer: string,
  tieBreak: TieBreak<T>,
): LwwRegister<T> {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`timestamp must be a non-negative safe integer: ${timestamp}`);
  }
  return merge(register, { value, timestamp, writer }, tieBreak);
}

function value<T>(register: LwwRegister<T>): T {
  return register.value;
}

/** Same timestamp, writer and value (compared with `sameValue`, `Object.is` by default). */
function equals<T>(
  a: LwwRegister<T>,
  b: LwwRegister<T>,
  sameValue: (x: T, y: T) => boolean = Object.is,
): boolean {
  return a.timestamp === b.timestamp && a.writer === b.writer && sameValue(a.value, b.value);
}

/** The value itself is encoded as given, so it should be a JSON value. */
function toJSON<T>(register: LwwRegister<T>): LwwRegisterJson<T> {
  return { timestamp: register.timestamp, value: register.value, writer: register.writer };
}

/**
 * Reads `{"timestamp", "value", "writer"}` with no other fields, checking the value with `isValue` (default: any
 * JSON value). Throws {@link CrdtDecodeError} for anything else.
 */
function fromJSON(input: unknown): LwwRegister<unknown>;
function fromJSON<T>(input: unknown, isValue: ValueGuard<T>): LwwRegister<T>;
function fromJSON<T>(input: unknown, isValue: ValueGuard<T> = isJsonValue as ValueGuard<T>): LwwRegister<T> {
  const object = expectPlainObject('lww-register', input, '$');
  expectExactKeys('lww-register', object, ['timestamp', 'value', 'writer'], '$');
  const timestamp = expectCount('lww-register', object['timestamp'], '$.timestamp');
  const writer = object['writer'];
  if (typeof writer !== 'string') {
    throw new CrdtDecodeError('lww-register', '$.writer', `expected a string, got ${describe(writer)}`);
  }
  const value = object['value'];
  if (!isValue(value))
    throw new CrdtDecodeError('lww-register', '$.value', `unexpected value ${describe(value)}`);
  return { value, timestamp, writer };
}

/** Operations on {@link LwwRegister} values. */
export const LwwRegister = { empty, set, merge, value, equals, toJSON, fromJSON, byWriter } as const;
