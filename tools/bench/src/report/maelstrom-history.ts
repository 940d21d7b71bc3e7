import type { Op, OpType } from '../lib/history';
import { readEdn } from '../results/edn-reader';

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

/**
 * Maelstrom's history.edn (one op map per line, or one vector of them) as the bench's Op list: keywords become
 * strings (`:nemesis` → 'nemesis'), `:final? true` → final. Ops without a known type are skipped.
 */
export function maelstromHistory(text: string): Op[] {
  const trimmed = text.trimStart();
  const maps: unknown[] = trimmed.startsWith('[')
    ? (readEdn(trimmed) as unknown[])
    : text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => readEdn(line));
  const ops: Op[] = [];
  maps.forEach((raw, position) => {
    if (typeof raw !== 'object' || raw === null) return;
    const m = raw as Record<string, unknown>;
    if (typeof m['type'] !== 'string' || !TYPES.has(m['type'])) return;
    ops.push({
      index: typeof m['index'] === 'number' ? m['index'] : position,
      time: typeof m['time'] === 'number' ? m['time'] : 0,
      process: typeof m['process'] === 'number' ? m['process'] : 'nemesis',
      type: m['type'] as OpType,
      f: String(m['f']),
      value: m['value'],
      ...(m['error'] !== undefined ? { error: m['error'] } : {}),
      ...(m['final?'] === true ? { final: true } : {}),
      ...(m['exception'] !== undefined
        ? { exception: typeof m['exception'] === 'string' ? m['exception'] : JSON.stringify(m['exception']) }
        : {}),
    });
  });
  return ops;
}
