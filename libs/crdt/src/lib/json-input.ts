import { CrdtDecodeError, type CrdtKind } from './decode-error';

/** An object read from JSON: a plain object (prototype `Object.prototype` or `null`), not an array or a class. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isPlainObject(input: unknown): input is JsonObject {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const prototype: unknown = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

export function expectPlainObject(crdt: CrdtKind, input: unknown, path: string): JsonObject {
  if (!isPlainObject(input))
    throw new CrdtDecodeError(crdt, path, `expected an object, got ${describe(input)}`);
  return input;
}

/** Checks that `input` has exactly the `keys` given, no more and no fewer. */
export function expectExactKeys(
  crdt: CrdtKind,
  input: JsonObject,
  keys: readonly string[],
  path: string,
): void {
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) {
      throw new CrdtDecodeError(crdt, path, `missing field ${JSON.stringify(key)}`);
    }
  }
  for (const key of Object.keys(input)) {
    if (!keys.includes(key)) throw new CrdtDecodeError(crdt, path, `unexpected field ${JSON.stringify(key)}`);
  }
}

/** A count or timestamp: an integer from 0 to `Number.MAX_SAFE_INTEGER`. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function expectCount(crdt: CrdtKind, value: unknown, path: string): number {
  if (!isCount(value)) {
    throw new CrdtDecodeError(crdt, path, `expected a non-negative safe integer, got ${describe(value)}`);
  }
  return value;
}

export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (isPlainObject(value)) return 'an object';
  return typeof value === 'object' ? 'a non-plain object' : typeof value;
}
