import type { WorkloadRequests } from './bodies';
import { is, type Check, type Shape } from './shape';

const microOp: Check = is.custom(
  "a micro-op ['r', key, null] or ['w', key, value] with integer key and value",
  (op) => {
    if (!Array.isArray(op) || op.length !== 3 || !Number.isSafeInteger(op[1])) return false;
    if (op[0] === 'r') return op[2] === null || Number.isSafeInteger(op[2]);
    if (op[0] === 'w') return Number.isSafeInteger(op[2]);
    return false;
  },
);

/** The fields each workload request must carry, beyond `type` and `msg_id`. */
export const WORKLOAD_REQUEST_SHAPES: { readonly [K in keyof WorkloadRequests]: Shape } = {
  init: { node_id: is.string, node_ids: is.arrayOf(is.string) },
  echo: { echo: is.json },
  generate: {},
  topology: { topology: is.recordOf(is.arrayOf(is.string)) },
  broadcast: { message: is.int },
  read: {},
  add: { delta: is.int },
  send: { key: is.string, msg: is.json },
  poll: { offsets: is.recordOf(is.nonNegativeInt) },
  commit_offsets: { offsets: is.recordOf(is.nonNegativeInt) },
  list_committed_offsets: { keys: is.arrayOf(is.string) },
  txn: { txn: is.arrayOf(microOp) },
  write: { key: is.json, value: is.json },
  cas: { key: is.json, from: is.json, to: is.json, create_if_not_exists: is.optional(is.boolean) },
  ts: {},
};

export function workloadRequestShape(type: string): Shape | undefined {
  return Object.prototype.hasOwnProperty.call(WORKLOAD_REQUEST_SHAPES, type)
    ? WORKLOAD_REQUEST_SHAPES[type as keyof WorkloadRequests]
    : undefined;
}
