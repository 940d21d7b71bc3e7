import { pairOps, type Op } from '../lib/history';
import type { OpSeries, PartitionWindow } from './model';
import { nsToMs } from './time';

/** Every completed client op as one point: invocation time, latency, and its "f outcome" kind. */
export function opSeries(history: readonly Op[]): OpSeries {
  const clientOps = history.filter((op) => op.process !== 'nemesis');
  const kinds: string[] = [];
  // f, then outcome: no "f outcome" string is built per op just to look it up.
  const kindIndex = new Map<string, Map<string, number>>();
  const invokeMs: number[] = [];
  const latencyMs: number[] = [];
  const kind: number[] = [];
  let invocations = 0;
  for (const { invoke, complete } of pairOps(clientOps)) {
    if (invoke.type !== 'invoke') continue;
    invocations++;
    if (!complete) continue;
    let outcomes = kindIndex.get(invoke.f);
    if (outcomes === undefined) kindIndex.set(invoke.f, (outcomes = new Map()));
    let k = outcomes.get(complete.type);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(`${invoke.f} ${complete.type}`);
      outcomes.set(complete.type, k);
    }
    invokeMs.push(nsToMs(invoke.time));
    latencyMs.push(nsToMs(complete.time - invoke.time));
    kind.push(k);
  }
  const last = history.length > 0 ? history[history.length - 1].time : 0;
  return { kinds, invokeMs, latencyMs, kind, invocations, endMs: nsToMs(last) };
}

/**
 * The nemesis' partitions: each start-partition until the next stop-partition (or the end of the history),
 * labelled with the partition's shape (majority, one, …).
 */
export function partitionWindows(history: readonly Op[]): PartitionWindow[] {
  const windows: PartitionWindow[] = [];
  let open: { startMs: number; label: string } | undefined;
  for (const op of history) {
    if (op.process !== 'nemesis') continue;
    if (op.f === 'start-partition' && open === undefined) {
      open = { startMs: nsToMs(op.time), label: typeof op.value === 'string' ? op.value : 'partition' };
    } else if (op.f === 'stop-partition' && open !== undefined) {
      windows.push({ ...open, endMs: nsToMs(op.time) });
      open = undefined;
    }
  }
  if (open !== undefined) windows.push({ ...open, endMs: undefined });
  return windows;
}
