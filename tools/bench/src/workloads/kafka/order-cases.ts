/**
 * Skips and inversions against the version order (jepsen.tests.kafka `int-poll-skip+nonmonotonic-cases`,
 * `int-send-skip+nonmonotonic-cases`, `poll-skip+nonmonotonic-cases`, `nonmonotonic-send-cases`). A step from
 * message v to v' has delta = index(v') − index(v), or 1 when either index is unknown: delta > 1 skips the
 * messages in between, delta < 1 goes backwards or repeats.
 */
import type { History, Op } from '../../lib/history';
import { jsonKey } from '@glomers/sim';
import { opReads, opWrites, type Key } from './ops';
import type { VersionOrder } from './version-orders';

type Orders = ReadonlyMap<Key, VersionOrder>;

function deltaOf(
  order: VersionOrder | undefined,
  v1: unknown,
  v2: unknown,
): { i1?: number; i2?: number; delta: number } {
  const i1 = v1 === undefined ? undefined : order?.byValue.get(jsonKey(v1));
  const i2 = v2 === undefined ? undefined : order?.byValue.get(jsonKey(v2));
  return { i1, i2, delta: i1 !== undefined && i2 !== undefined ? i2 - i1 : 1 };
}

function skipped(order: VersionOrder | undefined, i1: number, i2: number): unknown[] {
  return order ? order.byIndex.slice(i1 + 1, i2) : [];
}

export interface InternalCases {
  readonly skip: Record<string, unknown>[];
  readonly nonmonotonic: Record<string, unknown>[];
}

/** Within one op, consecutive values of a key (polls, or sends) must be consecutive in the version order. */
function internalCases(
  history: History,
  orders: Orders,
  valuesOf: (op: Op) => ReadonlyMap<Key, readonly unknown[]>,
): InternalCases {
  const skip: Record<string, unknown>[] = [];
  const nonmonotonic: Record<string, unknown>[] = [];
  for (const op of history) {
    for (const [k, vs] of valuesOf(op)) {
      const order = orders.get(k);
      for (let j = 1; j < vs.length; j++) {
        const v1 = vs[j - 1];
        const v2 = vs[j];
        const { i1, i2, delta } = deltaOf(order, v1, v2);
        if (delta > 1 && i1 !== undefined && i2 !== undefined) {
          skip.push({ key: k, values: [v1, v2], delta, skipped: skipped(order, i1, i2), op });
        } else if (delta < 1) {
          nonmonotonic.push({ key: k, values: [v1, v2], delta, op });
        }
      }
    }
  }
  return { skip, nonmonotonic };
}

export function intPollCases(history: History, orders: Orders): InternalCases {
  return internalCases(history, orders, opReads);
}

export function intSendCases(history: History, orders: Orders): InternalCases {
  return internalCases(
    history.filter((op) => op.type !== 'invoke'),
    orders,
    opWrites,
  );
}

function byProcess(history: History): Map<Op['process'], Op[]> {
  const out = new Map<Op['process'], Op[]>();
  for (const op of history) {
    const ops = out.get(op.process) ?? [];
    ops.push(op);
    out.set(op.process, ops);
  }
  return out;
}

function keepAssigned<T>(last: Map<Key, T>, op: Op): Map<Key, T> {
  const keys = new Set(
    Array.isArray(op.value) ? op.value.map((k) => (typeof k === 'string' ? k : JSON.stringify(k))) : [],
  );
  return new Map([...last].filter(([k]) => keys.has(k)));
}

/**
 * Per process and key: the first value of an ok poll against the last value of that process's previous ok poll
 * returning the key. An ok/info assign keeps only the assigned keys' tracking; an empty list resets a key's.
 */
export function pollCases(history: History, orders: Orders): InternalCases {
  const skip: Record<string, unknown>[] = [];
  const nonmonotonic: Record<string, unknown>[] = [];
  for (const ops of byProcess(history).values()) {
    let lastReads = new Map<Key, Op>();
    for (const op of ops) {
      if (op.f === 'assign' || op.f === 'subscribe') {
        if (op.type === 'ok' || op.type === 'info') lastReads = keepAssigned(lastReads, op);
        continue;
      }
      if (op.f !== 'poll' && op.f !== 'txn') continue;
      const reads = opReads(op);
      for (const [k, vs] of reads) {
        const lastOp = lastReads.get(k);
        if (!lastOp) continue;
        const previous = opReads(lastOp).get(k) ?? [];
        const v = previous[previous.length - 1];
        const v2 = vs[0];
        const order = orders.get(k);
        const { i1, i2, delta } = deltaOf(order, v, v2);
        if (delta > 1 && i1 !== undefined && i2 !== undefined) {
          skip.push({ key: k, delta, skipped: skipped(order, i1, i2), ops: [lastOp, op] });
        }
        if (delta < 1) nonmonotonic.push({ key: k, values: [v, v2], delta, ops: [lastOp, op] });
      }
      if (op.type === 'ok') for (const k of reads.keys()) lastReads.set(k, op);
    }
  }
  return { skip, nonmonotonic };
}

/** Per process and key: a send must land later in the version order than that process's previous send. */
export function nonmonotonicSendCases(history: History, orders: Orders): Record<string, unknown>[] {
  const errors: Record<string, unknown>[] = [];
  for (const ops of byProcess(history).values()) {
    let lastSends = new Map<Key, Op>();
    for (const op of ops) {
      if (op.type !== 'ok' && op.type !== 'info') continue;
      if (op.f === 'assign' || op.f === 'subscribe') {
        lastSends = keepAssigned(lastSends, op);
        continue;
      }
      if (op.f !== 'send' && op.f !== 'txn') continue;
      const sends = opWrites(op);
      for (const [k, vs] of sends) {
        const lastOp = lastSends.get(k);
        if (!lastOp) continue;
        const previous = opWrites(lastOp).get(k) ?? [];
        const v = previous[previous.length - 1];
        const { i1, i2, delta } = deltaOf(orders.get(k), v, vs[0]);
        if (delta < 1 && i1 !== undefined && i2 !== undefined) {
          errors.push({ key: k, values: [v, vs[0]], delta: i2 - i1, ops: [lastOp, op] });
        }
      }
      for (const k of sends.keys()) lastSends.set(k, op);
    }
  }
  return errors;
}
