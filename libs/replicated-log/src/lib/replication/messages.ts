import { isJsonValue, isOffset, isPlainObject, type JsonValue } from '../json-value';
import type { ReplicatedEntry } from './entry-sequence';

/**
 * The peer-to-peer protocol, as plain JSON bodies (no `msg_id`: these are one-way messages the driver correlates
 * itself, so a runtime's `send` carries them unchanged). Entries travel as `[term, key, msg]`.
 */
export type WireEntry = readonly [term: number, key: string, msg: JsonValue];

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
  readonly commitIndex: number;
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
  readonly commits?: CommitDelta;
  readonly commitsSeen?: number;
};

/** Follower → leader: a client's send, to be appended by the leader. */
export type ForwardMessage = {
  readonly type: 'rl_forward';
  readonly id: number;
  readonly key: string;
  readonly msg: JsonValue;
};

/** Leader → follower: the forwarded send is committed at `offset`. */
export type ForwardOkMessage = {
  readonly type: 'rl_forward_ok';
  readonly id: number;
  readonly offset: number;
  readonly term: number;
  readonly commitIndex: number;
};

/** The forwarded send failed; `definite` means it was never appended. */
export type ForwardErrorMessage = {
  readonly type: 'rl_forward_error';
  readonly id: number;
  readonly definite: boolean;
  readonly text: string;
};

export type ReplicationMessage =
  AppendMessage | AppendAckMessage | ForwardMessage | ForwardOkMessage | ForwardErrorMessage;

export const REPLICATION_MESSAGE_TYPES: readonly ReplicationMessage['type'][] = [
  'rl_append',
  'rl_append_ack',
  'rl_forward',
  'rl_forward_ok',
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
      return offsets(body, ['term', 'seq', 'from', 'prevTerm', 'commitIndex']) &&
        Array.isArray(body['entries']) &&
        body['entries'].every(isWireEntry) &&
        optionalGossip(body)
        ? (body as AppendMessage)
        : undefined;
    case 'rl_append_ack':
      return offsets(body, ['term', 'seq', 'matchIndex', 'hint']) &&
        typeof body['ok'] === 'boolean' &&
        optionalGossip(body)
        ? (body as AppendAckMessage)
        : undefined;
    case 'rl_forward':
      return offsets(body, ['id']) && typeof body['key'] === 'string' && isJsonValue(body['msg'])
        ? (body as ForwardMessage)
        : undefined;
    case 'rl_forward_ok':
      return offsets(body, ['id', 'offset', 'term', 'commitIndex']) ? (body as ForwardOkMessage) : undefined;
    case 'rl_forward_error':
      return offsets(body, ['id']) &&
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

function isWireEntry(value: unknown): value is WireEntry {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    isOffset(value[0]) &&
    typeof value[1] === 'string' &&
    isJsonValue(value[2])
  );
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
