/**
 * Acknowledged but never polled messages (jepsen.tests.kafka `unseen`), folded over ok send/poll ops in history
 * order. After each op: unseen := (sent ∪ this op's sends) "minus" (everything ok-polled so far), with Bifurcan's
 * map-merge semantics: a key only ever polled (never ok-sent) is carried over with its polled set.
 */
import type { History } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { opReads, opWrites, type Key } from './ops';
import { sortValues, type ValueSet } from './version-orders';

/** The last measurement, as the checker reports it: only keys with unseen messages, first 32 sorted messages. */
export interface UnseenResult {
  readonly time: number;
  readonly unseen: Record<Key, number>;
  readonly messages: Record<Key, unknown[]>;
}

/** The measurement after the last ok send/poll (Jepsen also keeps the series, for its unseen.png plot). */
export function lastUnseen(history: History): UnseenResult | undefined {
  // `sent` is Jepsen's loop variable: after each op it holds that op's unseen map. Only keys the op touched (and
  // keys carried over from `polled` by the previous op) can change, so only those are recomputed.
  const sent = new Map<Key, ValueSet>();
  const polled = new Map<Key, ValueSet>();
  let lastTime: number | undefined;
  let carried = new Set<Key>();
  for (const op of history) {
    if (op.type !== 'ok' || (op.f !== 'poll' && op.f !== 'send' && op.f !== 'txn')) continue;
    const touched = new Set<Key>(carried);
    for (const [k, vs] of opWrites(op)) {
      const set = sent.get(k) ?? new Map<string, unknown>();
      sent.set(k, set);
      for (const v of vs) set.set(jsonKey(v), v);
      touched.add(k);
    }
    for (const [k, vs] of opReads(op)) {
      const set = polled.get(k) ?? new Map<string, unknown>();
      polled.set(k, set);
      for (const v of vs) set.set(jsonKey(v), v);
      touched.add(k);
    }
    carried = new Set<Key>();
    for (const k of touched) {
      const s = sent.get(k);
      const p = polled.get(k) ?? new Map<string, unknown>();
      if (s) {
        for (const vk of [...s.keys()]) if (p.has(vk)) s.delete(vk);
      } else {
        sent.set(k, new Map(p));
        carried.add(k);
      }
    }
    lastTime = op.time;
  }
  if (lastTime === undefined) return undefined;
  const unseen: Array<[Key, number]> = [];
  const messages: Array<[Key, unknown[]]> = [];
  for (const k of [...sent.keys()].sort()) {
    const set = sent.get(k);
    if (!set || set.size === 0) continue;
    unseen.push([k, set.size]);
    messages.push([k, sortValues([...set.values()]).slice(0, 32)]);
  }
  return { time: lastTime, unseen: Object.fromEntries(unseen), messages: Object.fromEntries(messages) };
}
