import { EntrySequence } from './entry-sequence';
import type { Placement } from './messages';

/** What a leader knows of one follower. `matchIndex`: the follower's log equals ours on [0, matchIndex). */
export interface PeerProgress {
  readonly nextIndex: number;
  readonly matchIndex: number;
  readonly inFlight: { readonly seq: number; readonly sentAt: number } | undefined;
  readonly lastSentAt: number;
  /** This follower's forwarded sends, with their indexes, until it acknowledges holding them. */
  readonly placed: readonly Placement[];
}

/**
 * One node's replication state. Entries below `commitIndex` are on every node of the cluster the leader has not
 * excluded, and can never be lost or reordered; only they are applied and served. `excluded` (leader side): the
 * followers the lease register excludes from taking over, which commits therefore need not wait for. `matchedUpTo` (follower side) is the prefix verified to
 * equal the current term's leader log, the only part where the leader's commit index may be trusted.
 */
export interface ReplicaState {
  readonly self: string;
  readonly peers: readonly string[];
  readonly term: number;
  readonly role: 'leader' | 'follower';
  readonly leaderId: string | undefined;
  readonly entries: EntrySequence;
  readonly commitIndex: number;
  readonly matchedUpTo: number;
  readonly progress: ReadonlyMap<string, PeerProgress>;
  readonly excluded: ReadonlySet<string>;
  readonly nextSeq: number;
}

const NONE: ReadonlySet<string> = new Set();

export function initialReplica(self: string, nodeIds: readonly string[]): ReplicaState {
  return {
    self,
    peers: nodeIds.filter((id) => id !== self),
    term: 0,
    role: 'follower',
    leaderId: undefined,
    entries: EntrySequence.empty,
    commitIndex: 0,
    matchedUpTo: 0,
    progress: new Map(),
    excluded: NONE,
    nextSeq: 0,
  };
}

/** Moves to a newer term as a follower (fencing: nothing from an older term is accepted afterwards). */
export function observeTerm(state: ReplicaState, term: number, leaderId?: string): ReplicaState {
  if (term > state.term) {
    return {
      ...state,
      term,
      role: 'follower',
      leaderId: leaderId === state.self ? undefined : leaderId,
      matchedUpTo: state.commitIndex,
      progress: new Map(),
      excluded: NONE,
    };
  }
  if (term === state.term && state.role === 'follower' && leaderId !== undefined && leaderId !== state.self) {
    return state.leaderId === leaderId ? state : { ...state, leaderId };
  }
  return state;
}

/**
 * Leadership of `term`, won through the lease, whose register excludes `excluded`. Refused (state unchanged)
 * unless the term is new to this node.
 */
export function becomeLeader(
  state: ReplicaState,
  term: number,
  excluded: readonly string[] = [],
): ReplicaState {
  if (term <= state.term) return state;
  const progress = new Map<string, PeerProgress>();
  for (const peer of state.peers) {
    progress.set(peer, {
      nextIndex: state.entries.length,
      matchIndex: 0,
      inFlight: undefined,
      lastSentAt: -Infinity,
      placed: [],
    });
  }
  return advanceCommit({
    ...state,
    term,
    role: 'leader',
    leaderId: state.self,
    matchedUpTo: 0,
    progress,
    excluded: new Set(excluded.filter((id) => progress.has(id))),
  });
}

/**
 * Leader: commits stop (or resume) waiting for `excluded`. Only for followers the lease register excludes, so none
 * of them can take over; requiring a follower again is always safe.
 */
export function setExcluded(state: ReplicaState, excluded: ReadonlySet<string>): ReplicaState {
  if (state.role !== 'leader') return state;
  return advanceCommit({ ...state, excluded });
}

/** Gives up leadership without learning a newer term (the lease expired or could not be renewed). */
export function resign(state: ReplicaState): ReplicaState {
  if (state.role !== 'leader') return state;
  return {
    ...state,
    role: 'follower',
    leaderId: undefined,
    matchedUpTo: state.commitIndex,
    progress: new Map(),
    excluded: NONE,
  };
}

/** Leader: everything every follower not excluded has acknowledged in this term is committed. */
export function advanceCommit(state: ReplicaState): ReplicaState {
  if (state.role !== 'leader') return state;
  let safe = state.entries.length;
  for (const [peer, progress] of state.progress)
    if (!state.excluded.has(peer)) safe = Math.min(safe, progress.matchIndex);
  return safe > state.commitIndex ? { ...state, commitIndex: safe } : state;
}
