import type { CheckResult, History } from '../../lib/history';
import { exactKey, isNumberText, numericValue, type NumberText } from '../../lib/number-text';

/**
 * Jepsen's unique-ids checker (reference §5.2): among `ok` generate results no id may appear twice, equality being
 * Clojure's on what Maelstrom's JSON parser reads (so the integer 4 and the float 4.0 are different ids; the
 * client keeps such numbers as NumberText). Ids must be mutually comparable (Jepsen computes a [min max] range):
 * mixing kinds, or ids it cannot order, is :unknown.
 */
export function checkUniqueIds(history: History): CheckResult {
  let attempted = 0;
  const counts = new Map<string, { id: unknown; count: number }>();
  const acked: unknown[] = [];
  for (const op of history) {
    if (op.f !== 'generate') continue;
    if (op.type === 'invoke') attempted++;
    if (op.type !== 'ok') continue;
    acked.push(op.value);
    const key = exactKey(op.value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { id: op.value, count: 1 });
  }
  const order = comparatorFor(acked);
  if (order === undefined) {
    return {
      'valid?': 'unknown',
      error: 'ids are not mutually comparable (Jepsen cannot compute their range)',
      'attempted-count': attempted,
      'acknowledged-count': acked.length,
    };
  }
  const duplicated = [...counts.values()].filter((e) => e.count > 1);
  const shown = [...duplicated]
    .sort((a, b) => b.count - a.count || order(a.id, b.id))
    .slice(0, 48)
    .sort((a, b) => order(a.id, b.id));
  const sorted = [...acked].sort(order);
  return {
    'valid?': duplicated.length === 0,
    'attempted-count': attempted,
    'acknowledged-count': acked.length,
    'duplicated-count': duplicated.length,
    duplicated: Object.fromEntries(shown.map((e) => [display(e.id), e.count])),
    range: sorted.length === 0 ? [null, null] : [sorted[0], sorted[sorted.length - 1]],
  };
}

type Order = (a: unknown, b: unknown) => number;

function display(id: unknown): string {
  if (isNumberText(id)) return id['number-text'];
  return typeof id === 'string' ? id : JSON.stringify(id);
}

const isNumeric = (id: unknown): id is number | NumberText => typeof id === 'number' || isNumberText(id);

/** Clojure `compare` on the kinds it can order among themselves; undefined when the ids cannot be ordered. */
function comparatorFor(ids: readonly unknown[]): Order | undefined {
  if (ids.length === 0) return () => 0;
  if (ids.every(isNumeric))
    return (a, b) => numericValue(a as number | NumberText) - numericValue(b as number | NumberText);
  if (ids.every((id) => typeof id === 'string'))
    return (a, b) => ((a as string) < (b as string) ? -1 : a === b ? 0 : 1);
  if (ids.every((id) => typeof id === 'boolean')) return (a, b) => Number(a) - Number(b);
  return undefined;
}
