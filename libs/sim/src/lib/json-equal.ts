import { canonicalJson, isPlainObject } from '@glomers/protocol';

/**
 * The protocol's JSON value type and plain-object test, passed on for the layers that may import the kernel but not
 * the protocol (the domain libraries): one declaration, in libs/protocol.
 */
export { isPlainObject, type Json } from '@glomers/protocol';

/** Structural equality of parsed JSON values (Clojure `=` on the values Maelstrom parses). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

/** A canonical text for a JSON value (object keys sorted), usable as a Map key for equality. */
export const jsonKey = canonicalJson;
