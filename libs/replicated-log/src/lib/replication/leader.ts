import type { Json } from '@glomers/sim';
import { toWire, type AppendAckMessage, type AppendMessage } from './messages';
import { advanceCommit, observeTerm, type PeerProgress, type ReplicaState } from './replica-state';

export interface ReplicationTiming {
  /** An idle follower still gets an (empty) append this often: it carries the commit index and proves liveness. */
  readonly heartbeatMs: number;
  /** An unacknowledged append is sent again after this long. */
  readonly retryMs: number;
  /** Most entries in one append. */
  readonly maxBatch: number;
  /**
   * New entries wait until this long after the previous append to the same follower, so a busy leader sends each
   * follower one append per `lingerMs` carrying everything since (Kafka's `linger.ms`): fewer messages for at most
   * `lingerMs` more latency. 0 sends as soon as the previous append is acknowledged.
   */
  readonly lingerMs: number;
}

/**
 * Leader: appends an entry of its own term; with no followers it is committed at once. A send forwarded by a
 * follower names its `origin`, and the follower is told the entry's index with the appends it receives.
 */
export function leaderAppend(
  state: ReplicaState,
  key: string,
  msg: Json,
  origin?: { readonly peer: string; readonly id: number },
): { state: ReplicaState; index: number } {
  if (state.role !== 'leader') throw new Error('only a leader appends');
  const index = state.entries.length;
  const entries = state.entries.append([{ term: state.term, key, msg }]);
  const progress = origin && state.progress.get(origin.peer);
  const placed = progress
    ? withProgress(state, origin.peer, { ...progress, placed: [...progress.placed, [origin.id, index]] })
    : state;
  return { state: advanceCommit({ ...placed, entries }), index };
}

/**
 * Leader: the append to send `peer` now, if any. At most one append per follower is outstanding; it is resent
 * after `retryMs` without an acknowledgement, new entries go out once the previous append is acknowledged and
 * `lingerMs` has passed since it was sent, and an idle follower gets a heartbeat every `heartbeatMs`. When new
 * entries wait only for the linger, `wakeAt` says when to ask again.
 */
export function nextAppend(
  state: ReplicaState,
  peer: string,
  now: number,
  timing: ReplicationTiming,
): { state: ReplicaState; message: AppendMessage | undefined; wakeAt?: number } {
  const progress = state.progress.get(peer);
  if (state.role !== 'leader' || !progress) return { state, message: undefined };
  const lingerEnds = progress.lastSentAt + timing.lingerMs;
  const waiting = progress.nextIndex < state.entries.length;
  const due = progress.inFlight
    ? now - progress.inFlight.sentAt >= timing.retryMs
    : (waiting && now >= lingerEnds) || now - progress.lastSentAt >= timing.heartbeatMs;
  if (!due)
    return { state, message: undefined, ...(waiting && !progress.inFlight ? { wakeAt: lingerEnds } : {}) };
  const from = progress.nextIndex;
  const seq = state.nextSeq;
  const message: AppendMessage = {
    type: 'rl_append',
    term: state.term,
    seq,
    from,
    prevTerm: state.entries.termBefore(from),
    entries: state.entries.slice(from, from + timing.maxBatch).map(toWire),
    heldElsewhere: heldElsewhere(state, peer),
    ...(progress.placed.length > 0 ? { placed: progress.placed } : {}),
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
    // Every append carrying an entry also carried its placement, so a follower holding the entry has been told.
    const placed = progress.placed.filter(([, index]) => index >= matchIndex);
    updated = {
      ...progress,
      matchIndex,
      nextIndex: Math.max(progress.nextIndex, matchIndex),
      inFlight,
      placed,
    };
  } else if (answersInFlight) {
    const nextIndex = Math.max(progress.matchIndex, Math.min(ack.hint, state.entries.length));
    updated = { ...progress, nextIndex, inFlight };
  } else {
    return state;
  }
  return advanceCommit(withProgress(state, peer, updated));
}

/**
 * Where every node but `peer` holds this leader's log up to: the leader's length, lowered by the other followers
 * commits wait for (an excluded one cannot take over, so what it lacks does not matter).
 */
function heldElsewhere(state: ReplicaState, peer: string): number {
  let held = state.entries.length;
  for (const [other, progress] of state.progress)
    if (other !== peer && !state.excluded.has(other)) held = Math.min(held, progress.matchIndex);
  return held;
}

function withProgress(state: ReplicaState, peer: string, progress: PeerProgress): ReplicaState {
  const all = new Map(state.progress);
  all.set(peer, progress);
  return { ...state, progress: all };
}
