import type { ReplicatedWrite } from './register-replica';
import type { NodeId } from './stamp';

// Type aliases rather than interfaces: they fit a `{ type: string; [field: string]: unknown }` body parameter.

/** Carries writes committed at `origin` (coalesced: at most one, the newest, per key) to one peer. */
export type ReplicateMessage = {
  readonly type: 'txn_replicate';
  readonly origin: NodeId;
  readonly batch: number;
  readonly writes: readonly ReplicatedWrite[];
};

/** Tells `origin`'s replicator that peer `from` has applied batch `batch`. */
export type ReplicateAckMessage = {
  readonly type: 'txn_replicate_ack';
  readonly from: NodeId;
  readonly batch: number;
};

export type ReplicationMessage = ReplicateMessage | ReplicateAckMessage;

export const REPLICATION_MESSAGE_TYPES: readonly string[] = ['txn_replicate', 'txn_replicate_ack'];

export function replicateMessage(
  origin: NodeId,
  batch: number,
  writes: readonly ReplicatedWrite[],
): ReplicateMessage {
  return { type: 'txn_replicate', origin, batch, writes };
}

export function ackMessage(from: NodeId, batch: number): ReplicateAckMessage {
  return { type: 'txn_replicate_ack', from, batch };
}

/** Narrows a received body (extra fields such as `msg_id` are ignored); `undefined` if it is not one of ours. */
export function parseReplicationMessage(body: unknown): ReplicationMessage | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  if (!Number.isSafeInteger(fields['batch'])) return undefined;
  const batch = fields['batch'] as number;
  if (
    fields['type'] === 'txn_replicate' &&
    typeof fields['origin'] === 'string' &&
    isWriteList(fields['writes'])
  ) {
    return replicateMessage(fields['origin'], batch, fields['writes']);
  }
  if (fields['type'] === 'txn_replicate_ack' && typeof fields['from'] === 'string') {
    return ackMessage(fields['from'], batch);
  }
  return undefined;
}

function isWriteList(value: unknown): value is ReplicatedWrite[] {
  return (
    Array.isArray(value) &&
    value.every(
      (write) => Array.isArray(write) && write.length === 3 && write.every((n) => Number.isSafeInteger(n)),
    )
  );
}
