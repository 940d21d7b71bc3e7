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
    if (!keys.includes(key)) throw new CrdtDecodeError(crdt, path, `unexpected field ${quote(key)}`);
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

/** How much of a key or string an error message quotes: a hostile megabyte key must not become the message. */
const QUOTED_LENGTH = 40;

/** A key or string as JSON text, shortened to its first characters and an ellipsis when long. */
function quote(text: string): string {
  return JSON.stringify(text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text);
}

export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) && key.length <= QUOTED_LENGTH
    ? `${path}.${key}`
    : `${path}[${quote(key)}]`;
}

/**
 * True for what `JSON.parse` can return: null, booleans, strings, finite numbers, and arrays (without holes) and
 * plain objects of those. Iterative, so any depth is fine; a cycle is not JSON.
 */
export function isJsonValue(root: unknown): boolean {
  const open = new Set<object>(); // containers being checked: meeting one again is a cycle
  const done = new Set<object>(); // containers found to be JSON (a shared one is fine)
  const stack: Array<{ readonly container: object; readonly items: unknown[]; next: number }> = [];
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isFinite(value);
    if (typeof value !== 'object') return false;
    if (done.has(value)) return true;
    if (open.has(value)) return false;
    if (Array.isArray(value) ? Object.keys(value).length !== value.length : !isPlainObject(value))
      return false;
    open.add(value);
    stack.push({ container: value, items: Object.values(value), next: 0 });
    return true;
  };
  if (!visit(root)) return false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.items.length) {
      if (!visit(frame.items[frame.next++])) return false;
    } else {
      stack.pop();
      open.delete(frame.container);
      done.add(frame.container);
    }
  }
  return true;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (isPlainObject(value)) return 'an object';
  return typeof value === 'object' ? 'a non-plain object' : typeof value;
}
