/** Items of a list shown on the console; the rest are counted (results.json keeps every one). */
const SHOWN_SCALARS = 10;
const SHOWN_OBJECTS = 3;
const MAX_STRING = 200;

/**
 * Results for the console: Maelstrom's nesting, lists of values on one line and long lists cut to their first items
 * with a count of the rest ("… 1230 more in results.json"), so a stale list of 1,000 values takes one line.
 */
export function consoleResults(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return list(value, indent);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${consoleResults(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  const json = JSON.stringify(value) ?? 'null';
  return json.length > MAX_STRING ? `${json.slice(0, MAX_STRING)}…` : json;
}

function list(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const scalars = items.every((v) => typeof v !== 'object' || v === null);
  const shown = scalars ? SHOWN_SCALARS : SHOWN_OBJECTS;
  const rest = items.length > shown ? `… ${items.length - shown} more in results.json` : undefined;
  if (scalars) {
    const head = items.slice(0, shown).map((v) => consoleResults(v));
    return `[${[...head, ...(rest ? [rest] : [])].join(', ')}]`;
  }
  const inner = `${indent}  `;
  const head = items.slice(0, shown).map((v) => `${inner}${consoleResults(v, inner)}`);
  return `[\n${[...head, ...(rest ? [`${inner}${rest}`] : [])].join(',\n')}\n${indent}]`;
}
