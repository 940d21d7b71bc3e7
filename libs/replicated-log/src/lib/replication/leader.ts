import type { JsonValue } from '../json-value';
import { toWire, type AppendAckMessage, type AppendMessage } from './messages';
import { advanceCommit, observeTerm, type PeerProgress, type ReplicaState } from './replica-state';

export interface ReplicationTiming {
  /** An idle follower still gets an (empty) append this often: it carries the commit index and proves liveness. */
  readonly heartbeatMs: number;
  /** An unacknowledged append is sent again after this long. */
  readonly retryMs: number;
  /** Most entries in one append. */
  readonly maxBatch: number;
}

/** Leader: appends an entry of its own term; with no followers it is committed at once. */
export function leaderAppend(
  state: ReplicaState,
  key: string,
  msg: JsonValue,
): { state: ReplicaState; index: number } {
  if (state.role !== 'leader') throw new Error('only a leader appends');
  const index = state.entries.length;
  const entries = state.entries.append([{ term: state.term, key, msg }]);
  return { state: advanceCommit({ ...state, entries }), index };
}

/**
 * Leader: the append to send `peer` now, if any. At most one append per follower is outstanding; it is resent
 * after `retryMs` without an acknowledgement, new entries go out as soon as the previous append is acknowledged,
 * and an idle follower gets a heartbeat every `heartbeatMs`.
 */
export function nextAppend(
  state: ReplicaState,
  peer: string,
  now: number,
  timing: ReplicationTiming,
): { state: ReplicaState; message: AppendMessage | undefined } {
  const progress = state.progress.get(peer);
  if (state.role !== 'leader' || !progress) return { state, message: undefined };
  const due = progress.inFlight
    ? now - progress.inFlight.sentAt >= timing.retryMs
    : progress.nextIndex < state.entries.length || now - progress.lastSentAt >= timing.heartbeatMs;
  if (!due) return { state, message: undefined };
  const from = progress.nextIndex;
  const seq = state.nextSeq;
  const message: AppendMessage = {
    type: 'rl_append',
    term: state.term,
    seq,
    from,
    prevTerm: state.entries.termBefore(from),
    entries: state.entries.slice(from, from + timing.maxBatch).map(toWire),
    commitIndex: state.commitIndex,
  };
  const updated: PeerProgress = { ...progress, inFlight: { seq, sentAt: now }, lastSentAt: now };
  return { state: withProgress({ ...state, nextSeq: seq + 1 }, peer, updated), message };
}

/** Leader: folds in a follower's acknowledgement; a newer term in it demotes this node. */
export function handleAppendAck(state: ReplicaState, peer: string, ack: AppendAckMessage): ReplicaState {
  if (ack.term > state.term) return observeTerm(state, ack.term);
  const progress = state.progress.get(peer);
  if (state.role !== 'leader' || ack.term < state.term || !progress) return state;
  const answersInFlight = progress.inFlight?.seq === ack.seq;
  const inFlight = answersInFlight ? undefined : progress.inFlight;
  let updated: PeerProgress;
  if (ack.ok) {
    const matchIndex = Math.max(progress.matchIndex, Math.min(ack.matchIndex, state.entries.length));
    updated = { ...progress, matchIndex, nextIndex: Math.max(progress.nextIndex, matchIndex), inFlight };
  } else if (answersInFlight) {
    const nextIndex = Math.max(progress.matchIndex, Math.min(ack.hint, state.entries.length));
    updated = { ...progress, nextIndex, inFlight };
  } else {
    return state;
  }
  return advanceCommit(withProgress(state, peer, updated));
}

function withProgress(state: ReplicaState, peer: string, progress: PeerProgress): ReplicaState {
  const all = new Map(state.progress);
  all.set(peer, progress);
  return { ...state, progress: all };
}
