import fc from 'fast-check';
import { acknowledged, type WorkloadModel } from '../workload-model';

// Keys hostile lines are unlikely to write, so the last acknowledged write of each is what a read must see.
const KEYS = [1_000_001, 1_000_002, 1_000_003];
const key = fc.constantFrom(...KEYS);
const microOp = fc.oneof(
  key.map((k) => ['r', k, null]),
  fc.tuple(key, fc.integer({ min: 1, max: 1_000_000 })).map(([k, v]) => ['w', k, v]),
);

/** Transactions: a read after the run sees, for every key, the last acknowledged write. */
export const txnModel: WorkloadModel = {
  types: ['txn', 'txn_replicate', 'txn_replicate_ack'],
  fields: ['txn', 'origin', 'from', 'batch', 'writes'],
  request: fc.array(microOp, { minLength: 1, maxLength: 4 }).map((txn) => ({ type: 'txn', txn })),
  async verify(exchanges, call) {
    const last = new Map<number, number>();
    for (const { request } of acknowledged(exchanges, 'txn_ok')) {
      for (const [f, k, v] of request['txn'] as Array<[string, number, number]>)
        if (f === 'w') last.set(k, v);
    }
    const read = await call({ type: 'txn', txn: KEYS.map((k) => ['r', k, null]) });
    if (read?.type !== 'txn_ok') return `the final read was answered ${JSON.stringify(read)}`;
    for (const [, k, v] of read['txn'] as Array<[string, number, number | null]>) {
      if (last.has(k) && v !== last.get(k))
        return `key ${k} reads ${String(v)}, not its last write ${last.get(k)}`;
    }
    return undefined;
  },
};
