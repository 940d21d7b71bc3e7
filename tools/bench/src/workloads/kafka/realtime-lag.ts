/**
 * Realtime lag (jepsen.tests.kafka `realtime-lag`, `worst-realtime-lag`). For each key, expired[k][i] is the first
 * time (completion of an op that sent or polled offset ≥ i) at which offset i was known to exist. A poll invoked
 * at t whose process has reached offset o of k (after merging this poll's offsets; assigns reset keys to -1) lags
 * by max(0, t − expired[k][o+1]).
 */
import type { History, Op } from '../../lib/history';
import { pairOps } from '../../lib/history';
import { maxOffsets, type Key } from './ops';

export interface Lag {
  /** Invocation time of the poll, ns. */
  readonly time: number;
  readonly process: Op['process'];
  readonly key: Key;
  /** ns */
  readonly lag: number;
}

function forEachRealtimeLag(history: History, onLag: (lag: Lag) => void): void {
  const expired = new Map<Key, number[]>();
  for (const op of history) {
    for (const [k, known] of maxOffsets(op)) {
      const times = expired.get(k) ?? [];
      expired.set(k, times);
      for (let i = known; i >= 0 && times[i] === undefined; i--) times[i] = op.time;
    }
  }
  const invokeTime = new Map<number, number>();
  for (const { invoke, complete } of pairOps(history))
    if (complete) invokeTime.set(complete.index, invoke.time);

  const processOffsets = new Map<Op['process'], Map<Key, number>>();
  for (const op of history) {
    if (op.type !== 'ok') continue;
    if (op.f === 'assign') {
      const old = processOffsets.get(op.process) ?? new Map<Key, number>();
      const keys = Array.isArray(op.value) ? op.value.map(String) : [];
      processOffsets.set(op.process, new Map(keys.map((k) => [k, old.get(k) ?? -1])));
    } else if (op.f === 'subscribe') {
      processOffsets.set(op.process, new Map());
    } else if (op.f === 'poll' || op.f === 'txn') {
      const t = invokeTime.get(op.index) ?? op.time;
      const offsets = processOffsets.get(op.process) ?? new Map<Key, number>();
      processOffsets.set(op.process, offsets);
      for (const [k, o] of maxOffsets(op)) offsets.set(k, Math.max(offsets.get(k) ?? o, o));
      for (const [k, offset] of offsets) {
        const expiredAt = expired.get(k)?.[offset + 1];
        onLag({
          time: t,
          process: op.process,
          key: k,
          lag: expiredAt === undefined ? 0 : Math.max(0, t - expiredAt),
        });
      }
    }
  }
}

/** The first lag with the highest value, or `{time: 0, lag: 0}`; times in seconds, as the checker reports it. */
export function worstRealtimeLag(history: History): Record<string, unknown> {
  let worst: Lag | undefined;
  forEachRealtimeLag(history, (l) => {
    if (worst === undefined || l.lag > worst.lag) worst = l;
  });
  if (!worst) return { time: 0, lag: 0 };
  return { time: worst.time / 1e9, process: worst.process, key: worst.key, lag: worst.lag / 1e9 };
}
