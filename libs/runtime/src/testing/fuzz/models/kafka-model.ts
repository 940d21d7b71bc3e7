import { canonicalJson, type Body } from '@glomers/protocol';
import fc from 'fast-check';
import { acknowledged, type FinalCall, type WorkloadModel } from '../workload-model';

const KEYS = ['k0', 'k1', '__proto__', 'constructor', 'toString'];
const key = fc.constantFrom(...KEYS);
// Object.fromEntries keeps a key such as __proto__ as an own property, as JSON.parse would.
const offsets = fc.array(fc.tuple(key, fc.nat(20)), { maxLength: 3 }).map((e) => Object.fromEntries(e));

/** Kafka: every acknowledged send is polled back at its offset, and no committed offset moves backwards. */
export const kafkaModel: WorkloadModel = {
  types: [
    'send',
    'poll',
    'commit_offsets',
    'list_committed_offsets',
    'rl_append',
    'rl_append_ack',
    'rl_forward',
  ],
  fields: ['key', 'msg', 'offsets', 'keys', 'term', 'seq', 'from', 'entries', 'sends', 'commits'],
  request: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ type: fc.constant('send'), key, msg: fc.jsonValue({ maxDepth: 2 }) }),
    },
    { weight: 2, arbitrary: offsets.map((o) => ({ type: 'poll', offsets: o })) },
    { weight: 1, arbitrary: offsets.map((o) => ({ type: 'commit_offsets', offsets: o })) },
    { weight: 1, arbitrary: fc.subarray(KEYS).map((keys) => ({ type: 'list_committed_offsets', keys })) },
  ),
  async verify(exchanges, call) {
    const sends = acknowledged(exchanges, 'send_ok');
    for (const k of new Set(sends.map((e) => e.request['key'] as string))) {
      const log = await pollAll(call, k);
      if (typeof log === 'string') return log;
      for (const { request, reply } of sends.filter((e) => e.request['key'] === k)) {
        const offset = reply?.['offset'] as number;
        if (!log.has(offset) || canonicalJson(log.get(offset)) !== canonicalJson(request['msg']))
          return `acknowledged send of ${canonicalJson(request['msg'])} to ${k} at ${offset} polled as ${canonicalJson(log.get(offset))}`;
      }
    }
    const committed = new Map<string, number>();
    for (const { request } of acknowledged(exchanges, 'commit_offsets_ok')) {
      for (const [k, offset] of Object.entries(request['offsets'] as Record<string, number>))
        committed.set(k, Math.max(committed.get(k) ?? 0, offset));
    }
    const listed = await call({ type: 'list_committed_offsets', keys: KEYS });
    const listedOffsets = listed?.['offsets'] as Record<string, unknown> | undefined;
    for (const [k, offset] of committed) {
      const now = listedOffsets && Object.hasOwn(listedOffsets, k) ? listedOffsets[k] : undefined;
      if (typeof now !== 'number' || now < offset)
        return `committed offset ${offset} of ${k} is listed as ${String(now)}`;
    }
    return undefined;
  },
};

/** Every entry of `key`'s log, polled from offset 0 batch by batch; or what went wrong. */
async function pollAll(call: FinalCall, key: string): Promise<Map<number, unknown> | string> {
  const log = new Map<number, unknown>();
  let from = 0;
  for (;;) {
    const reply: Body | undefined = await call({ type: 'poll', offsets: Object.fromEntries([[key, from]]) });
    const msgs = reply?.type === 'poll_ok' ? (reply['msgs'] as Record<string, unknown>) : undefined;
    if (!msgs) return `a final poll was answered ${JSON.stringify(reply)}`;
    const entries = Object.hasOwn(msgs, key) ? (msgs[key] as Array<[number, unknown]>) : [];
    if (entries.length === 0) return log;
    for (const [offset, msg] of entries) log.set(offset, msg);
    from = entries[entries.length - 1][0] + 1;
  }
}
