import { isPlainObject } from '@glomers/protocol';

/** Clojure's `pr-str` of a parsed JSON value, for the texts Maelstrom's services put in error replies. */
export function prStr(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(prStr).join(' ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)} ${prStr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Clojure's `str` of a parsed JSON value (strings unquoted). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : prStr(value);
}
