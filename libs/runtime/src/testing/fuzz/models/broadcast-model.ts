import fc from 'fast-check';
import { acknowledged, type WorkloadModel } from '../workload-model';

const nodes = fc.constantFrom('n0', 'n1', 'n2', '__proto__', 'toString');

/** Broadcast: a read after the run holds every value whose broadcast was acknowledged. */
export const broadcastModel: WorkloadModel = {
  types: ['broadcast', 'read', 'topology', 'gossip'],
  fields: ['message', 'topology', 'values', 'batch', 'acks'],
  request: fc.oneof(
    { weight: 4, arbitrary: fc.integer().map((message) => ({ type: 'broadcast', message })) },
    { weight: 2, arbitrary: fc.constant({ type: 'read' }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(nodes, fc.array(nodes, { maxLength: 3 })), { maxLength: 3 })
        .map((entries) => ({ type: 'topology', topology: Object.fromEntries(entries) })),
    },
  ),
  async verify(exchanges, call) {
    const read = await call({ type: 'read' });
    const messages = read?.type === 'read_ok' ? read['messages'] : undefined;
    if (!Array.isArray(messages)) return `the final read was answered ${JSON.stringify(read)}`;
    const seen = new Set(messages);
    const lost = acknowledged(exchanges, 'broadcast_ok').find((e) => !seen.has(e.request['message']));
    return (
      lost && `acknowledged broadcast of ${String(lost.request['message'])} is missing from the final read`
    );
  },
};
