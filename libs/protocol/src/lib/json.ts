/** Any value JSON can carry. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds a number in `value` that cannot be sent back as it came: an integer beyond ±(2^53 − 1), which JSON.parse
 * may have rounded, or an out-of-range literal (`1e400`) that became ±Infinity and would be written as `null`.
 * Returns the first such number, or undefined. Iterative, so any depth is fine.
 */
export function inexactNumber(value: Json): number | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'number') {
      if (!Number.isFinite(next) || (Number.isInteger(next) && !Number.isSafeInteger(next))) return next;
    } else if (typeof next === 'object' && next !== null) {
      for (const item of Object.values(next)) pending.push(item);
    }
  }
  return undefined;
}

/** `text` for a message or log line: its first `max` characters and an ellipsis when longer (input may be huge). */
export function abbreviate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * One text per JSON value, object keys sorted at every level: equal texts mean structurally equal values, so it
 * serves as a Map key or an equality test that ignores key order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
