import type { Op } from '../../lib/history';

/** A value as short JSON: long values are cut with an ellipsis (results hold them whole). */
export function short(value: unknown, max = 80): string {
  const json = value === undefined ? 'undefined' : JSON.stringify(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

/** Seconds since the history's time zero, e.g. "12.345 s". */
export function seconds(ns: number): string {
  return `${(ns / 1e9).toFixed(3)} s`;
}

/** Which node a worker process talked to, when the run's options are known. */
export type NodeOf = (process: number | 'nemesis') => string | undefined;

/** "op 812, process 4 (n4), ok broadcast 17 at 8.123 s". */
export function describeOp(op: Op, nodeOf: NodeOf): string {
  const node = nodeOf(op.process);
  const who = `process ${op.process}${node ? ` (${node})` : ''}`;
  const error = op.error !== undefined ? `, error ${short(op.error, 60)}` : '';
  return `op ${op.index}, ${who}, ${op.type} ${op.f} ${short(op.value, 60)}${error} at ${seconds(op.time)}`;
}

/** True for something shaped like a history op (results quote ops whole). */
export function isOp(value: unknown): value is Op {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['type'] === 'string' && typeof v['f'] === 'string' && 'process' in v && 'time' in v;
}

/** "3, 17, 42, … (9 more)": the first few items of a long list. */
export function listSample(items: readonly unknown[], shown = 8): string {
  const head = items.slice(0, shown).map((v) => (typeof v === 'string' ? v : short(v, 40)));
  return items.length > shown ? `${head.join(', ')}, … (${items.length - shown} more)` : head.join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
