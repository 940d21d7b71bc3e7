import type { CheckResult, History, Op, Validity } from '../lib/history';
import { mergeValidity } from '../lib/history';

const isClientOp = (op: Op): boolean => op.process !== 'nemesis';

interface Counts {
  'valid?': Validity;
  count: number;
  'ok-count': number;
  'fail-count': number;
  'info-count': number;
}

function counts(ops: readonly Op[]): Counts {
  const ok = ops.filter((o) => o.type === 'ok').length;
  const fail = ops.filter((o) => o.type === 'fail').length;
  const info = ops.filter((o) => o.type === 'info').length;
  return {
    'valid?': ok > 0,
    count: ok + fail + info,
    'ok-count': ok,
    'fail-count': fail,
    'info-count': info,
  };
}

/** Fs that may never succeed without invalidating stats (jepsen.tests.kafka/stats-checker, used by Maelstrom). */
const STATS_EXEMPT = new Set(['crash', 'debug-topic-partitions']);

/** Jepsen's `stats` checker as Maelstrom wraps it (§6.2): completions of client ops, overall and by f. */
export function checkStats(history: History): CheckResult {
  const completions = history.filter((op) => op.type !== 'invoke' && isClientOp(op));
  const byF = new Map<string, Op[]>();
  for (const op of completions) groupInto(byF, op.f, op);
  const byFResult = Object.fromEntries([...byF.keys()].sort().map((f) => [f, counts(byF.get(f) ?? [])]));
  const strict = mergeValidity(Object.values(byFResult).map((c) => c['valid?']));
  const relaxed = Object.entries(byFResult).every(([f, c]) => STATS_EXEMPT.has(f) || c['valid?'] === true);
  return { ...counts(completions), 'by-f': byFResult, 'valid?': relaxed ? true : strict };
}

/** Maelstrom's availability checker: ok completions ÷ invocations against --availability. */
export function checkAvailability(history: History, availability: 'total' | number | undefined): CheckResult {
  const invokes = history.filter((op) => op.type === 'invoke').length;
  const oks = history.filter((op) => op.type === 'ok').length;
  const okFraction = invokes === 0 ? 1 : oks / invokes;
  const valid =
    availability === undefined
      ? true
      : availability === 'total'
        ? okFraction === 1
        : okFraction >= availability;
  return { 'valid?': valid, 'ok-fraction': okFraction };
}

/** Jepsen's unhandled-exceptions checker: info ops caused by exceptions, grouped by kind; always valid. */
export function checkExceptions(history: History): CheckResult {
  const byKind = new Map<string, Op[]>();
  for (const op of history) {
    if (op.type !== 'info' || op.exception === undefined) continue;
    const kind = op.exception.split(':')[0];
    groupInto(byKind, kind, op);
  }
  if (byKind.size === 0) return { 'valid?': true };
  const exceptions = [...byKind.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([kind, ops]) => ({ count: ops.length, class: kind, example: ops[0] }));
  return { 'valid?': true, exceptions };
}

function groupInto(groups: Map<string, Op[]>, key: string, op: Op): void {
  const group = groups.get(key);
  if (group) group.push(op);
  else groups.set(key, [op]);
}

/** The always-valid plot checkers, with Maelstrom's result shapes. */
export const PERF_RESULT: CheckResult = {
  'latency-graph': { 'valid?': true },
  'rate-graph': { 'valid?': true },
  'valid?': true,
};
export const TIMELINE_RESULT: CheckResult = { 'valid?': true };
