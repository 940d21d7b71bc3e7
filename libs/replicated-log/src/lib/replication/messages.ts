import { isPlainObject, type Json } from '@glomers/sim';
import { isJsonValue, isOffset } from '../json-value';
import type { ReplicatedEntry } from './entry-sequence';

/**
 * The peer-to-peer protocol, as plain JSON bodies (no `msg_id`: these are one-way messages the driver correlates
 * itself, so a runtime's `send` carries them unchanged). Entries travel as `[term, key, msg]`.
 */
export type WireEntry = readonly [term: number, key: string, msg: Json];

/** A client's send that a follower hands to the leader; `id` is the follower's own correlation number. */
export type ForwardedSend = readonly [id: number, key: string, msg: Json];

/** Where the leader appended a forwarded send: the follower's `id` and the entry's index. */
export type Placement = readonly [id: number, index: number];

/** Consumer commit offsets changed since the receiver last confirmed `upTo` (see commit-gossip). */
export type CommitDelta = { readonly upTo: number; readonly offsets: { readonly [key: string]: number } };

/** Leader → follower: entries starting at index `from`; empty entries make it a heartbeat. */
export type AppendMessage = {
  readonly type: 'rl_append';
  readonly term: number;
  readonly seq: number;
  readonly from: number;
  readonly prevTerm: number;
  readonly entries: readonly WireEntry[];
  /**
   * Every node but the receiver holds the leader's log below this index (the leader's log length with two nodes),
   * so whatever of it the receiver holds is committed: the receiver learns commits without another round trip.
   */
  readonly heldElsewhere: number;
  /** The receiver's forwarded sends appended since it last acknowledged them (they answer its forwards). */
  readonly placed?: readonly Placement[];
  readonly commits?: CommitDelta;
  readonly commitsSeen?: number;
};

/** Follower → leader. `ok`: the follower's log matches the leader's up to `matchIndex`; else retry from `hint`. */
export type AppendAckMessage = {
  readonly type: 'rl_append_ack';
  readonly term: number;
  readonly seq: number;
  readonly ok: boolean;
  readonly matchIndex: number;
  readonly hint: number;
  /** Client sends waiting at the follower ride on its acknowledgement instead of a message of their own. */
  readonly forwards?: readonly ForwardedSend[];
  readonly commits?: CommitDelta;
  readonly commitsSeen?: number;
};

/** Follower → leader: client sends to append, when no acknowledgement was due to carry them. */
export type ForwardMessage = {
  readonly type: 'rl_forward';
  readonly sends: readonly ForwardedSend[];
};

/** Leader (or a node that is no longer one) → follower: these forwarded sends failed; `definite`: never appended. */
export type ForwardErrorMessage = {
  readonly type: 'rl_forward_error';
  readonly ids: readonly number[];
  readonly definite: boolean;
  readonly text: string;
};

export type ReplicationMessage = AppendMessage | AppendAckMessage | ForwardMessage | ForwardErrorMessage;

export const REPLICATION_MESSAGE_TYPES: readonly ReplicationMessage['type'][] = [
  'rl_append',
  'rl_append_ack',
  'rl_forward',
  'rl_forward_error',
];

export function toWire(entry: ReplicatedEntry): WireEntry {
  return [entry.term, entry.key, entry.msg];
}

export function fromWire([term, key, msg]: WireEntry): ReplicatedEntry {
  return { term, key, msg };
}

/** Validates an incoming body; `undefined` for anything that is not a well-formed replication message. */
export function parseReplicationMessage(body: unknown): ReplicationMessage | undefined {
  if (!isPlainObject(body)) return undefined;
  switch (body['type']) {
    case 'rl_append':
      return offsets(body, ['term', 'seq', 'from', 'prevTerm', 'heldElsewhere']) &&
        Array.isArray(body['entries']) &&
        body['entries'].every(isOffsetKeyMsg) &&
        optionalList(body['placed'], isPlacement) &&
        optionalGossip(body)
        ? (body as AppendMessage)
        : undefined;
    case 'rl_append_ack':
      return offsets(body, ['term', 'seq', 'matchIndex', 'hint']) &&
        typeof body['ok'] === 'boolean' &&
        optionalList(body['forwards'], isOffsetKeyMsg) &&
        optionalGossip(body)
        ? (body as AppendAckMessage)
        : undefined;
    case 'rl_forward':
      return Array.isArray(body['sends']) && body['sends'].every(isOffsetKeyMsg)
        ? (body as ForwardMessage)
        : undefined;
    case 'rl_forward_error':
      return Array.isArray(body['ids']) &&
        body['ids'].every(isOffset) &&
        typeof body['definite'] === 'boolean' &&
        typeof body['text'] === 'string'
        ? (body as ForwardErrorMessage)
        : undefined;
    default:
      return undefined;
  }
}

function offsets(body: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((field) => isOffset(body[field]));
}

function isPlacement(value: unknown): value is Placement {
  return Array.isArray(value) && value.length === 2 && isOffset(value[0]) && isOffset(value[1]);
}

/** `[term, key, msg]` and `[id, key, msg]` share a shape. */
function isOffsetKeyMsg(value: unknown): value is WireEntry & ForwardedSend {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    isOffset(value[0]) &&
    typeof value[1] === 'string' &&
    isJsonValue(value[2])
  );
}

function optionalList(value: unknown, isItem: (item: unknown) => boolean): boolean {
  return value === undefined || (Array.isArray(value) && value.every(isItem));
}

function optionalGossip(body: Record<string, unknown>): boolean {
  const seen = body['commitsSeen'];
  if (seen !== undefined && !isOffset(seen)) return false;
  const commits = body['commits'];
  if (commits === undefined) return true;
  return (
    isPlainObject(commits) &&
    isOffset(commits['upTo']) &&
    isPlainObject(commits['offsets']) &&
    Object.values(commits['offsets']).every(isOffset)
  );
}
