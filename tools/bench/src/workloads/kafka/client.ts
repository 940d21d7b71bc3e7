/**
 * Maelstrom's kafka client (maelstrom.workload.kafka `Client`), one per worker and never reused after an info op.
 * It keeps a local map of assigned keys → next offset to poll.
 */
import { is, isPlainObject } from '@glomers/protocol';
import type { Check } from '@glomers/protocol';
import type { Completion, Invocation, WorkloadClient } from '../../lib/workload';
import { replySchema, type RpcConnection } from '../../lib/rpc';

const offsetMessage: Check = is.custom(
  'an [offset, msg] pair',
  (v) => Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && v[1] !== undefined,
);
const sendOk = replySchema('send_ok', { offset: is.int });
const pollOk = replySchema('poll_ok', { msgs: is.recordOf(is.arrayOf(offsetMessage)) });
const commitOk = replySchema('commit_offsets_ok');
const listOk = replySchema('list_committed_offsets_ok', { offsets: is.recordOf(is.int) });

/** An op's own field, or one the runner keeps under `extra` (e.g. `seek-to-beginning?`). */
export function opField(op: object, name: string): unknown {
  const direct = (op as Record<string, unknown>)[name];
  if (direct !== undefined) return direct;
  const extra = (op as { extra?: unknown }).extra;
  return isPlainObject(extra) ? extra[name] : undefined;
}

export class KafkaClient implements WorkloadClient {
  /** Assigned key → the offset the next poll starts at. */
  private offsets = new Map<string, number>();

  constructor(private readonly conn: RpcConnection) {}

  async invoke(op: Invocation): Promise<Completion> {
    switch (op.f) {
      case 'assign':
        return this.assign(op);
      case 'crash':
        return { type: 'info' };
      case 'send':
      case 'poll':
        return this.sendOrPoll(op);
      default:
        throw new Error(`kafka client: unknown op ${op.f}`);
    }
  }

  private async assign(op: Invocation): Promise<Completion> {
    const keys = (Array.isArray(op.value) ? op.value : []).map(String);
    if (opField(op, 'seek-to-beginning?') === true) {
      this.offsets = new Map(keys.map((k) => [k, 0]));
    } else {
      const reply = await this.conn.rpc({ type: 'list_committed_offsets', keys }, listOk);
      const committed = reply['offsets'] as Record<string, number>;
      this.offsets = new Map(keys.map((k) => [k, this.offsets.get(k) ?? committed[k] ?? 0]));
    }
    return { type: 'ok' };
  }

  private async sendOrPoll(op: Invocation): Promise<Completion> {
    const mops = Array.isArray(op.value) ? (op.value as unknown[]) : [];
    if (mops.length !== 1 || !Array.isArray(mops[0]))
      throw new Error('kafka client: expected exactly one micro-op');
    const mop = mops[0] as unknown[];
    if (mop[0] === 'send') {
      const [, key, msg] = mop;
      const reply = await this.conn.rpc({ type: 'send', key, msg }, sendOk);
      return { type: 'ok', value: [['send', key, [reply['offset'], msg]]] };
    }
    const reply = await this.conn.rpc({ type: 'poll', offsets: Object.fromEntries(this.offsets) }, pollOk);
    const msgs = reply['msgs'] as Record<string, Array<[number, unknown]>>;
    // Local offsets: one past the highest polled offset of each returned key (0 for an empty list), merged by max.
    for (const [k, pairs] of Object.entries(msgs)) {
      const next = pairs.reduce((max, [offset]) => Math.max(max, offset), -1) + 1;
      this.offsets.set(k, Math.max(this.offsets.get(k) ?? next, next));
    }
    // Commit the highest polled offset of every key that returned something (Jepsen's txn-offsets starts at 0).
    const commit = new Map<string, number>();
    for (const [k, pairs] of Object.entries(msgs)) {
      for (const [offset] of pairs) commit.set(k, Math.max(commit.get(k) ?? 0, offset));
    }
    if (commit.size > 0)
      await this.conn.rpc({ type: 'commit_offsets', offsets: Object.fromEntries(commit) }, commitOk);
    return { type: 'ok', value: [['poll', msgs]] };
  }
}
