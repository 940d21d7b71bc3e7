/** Prints JSON-shaped history values the way Clojure's `pr-str` prints their EDN originals (for explanations). */
const KEYWORD_STRINGS = new Set(['type', 'f']);

export function edn(x: unknown, keywordStrings = false): string {
  if (x === null || x === undefined) return 'nil';
  if (typeof x === 'string') return keywordStrings ? `:${x}` : JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (Array.isArray(x)) return `[${x.map((y) => edn(y, keywordStrings)).join(' ')}]`;
  if (typeof x === 'object') {
    const entries = Object.entries(x as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `:${k} ${edn(v, KEYWORD_STRINGS.has(k))}`).join(', ')}}`;
  }
  return String(x);
}

/** A txn op as Elle prints it: `{:index 3, :time …, :type :ok, :process 1, :f :txn, :value [[:r 9 nil] …]}`. */
export function ednOp(op: {
  index: number;
  time: number;
  type: string;
  process: unknown;
  f: string;
  value: unknown;
  error?: unknown;
}): string {
  const value = Array.isArray(op.value)
    ? `[${op.value.map((m: unknown) => (Array.isArray(m) ? `[:${String(m[0])} ${edn(m[1])} ${edn(m[2])}]` : edn(m))).join(' ')}]`
    : edn(op.value);
  const error = op.error === undefined ? '' : `, :error ${edn(op.error)}`;
  return `{:index ${op.index}, :time ${op.time}, :type :${op.type}, :process ${edn(op.process)}, :f :${op.f}, :value ${value}${error}}`;
}
