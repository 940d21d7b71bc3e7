import { AppendError } from './append-error';
import { DEFAULT_LEASE_KEY, LeaseElection } from './election/lease-election';
import type { LeaseRecord, LeaseStore } from './election/lease-store';
import { DEFAULT_LEASE_TIMING, type LeaseTiming } from './election/lease-timing';
import type { Json } from '@glomers/sim';
import { KeyedLog, type LogEntry } from './keyed-log';
import type { Cancel, Clock, Scheduler } from '@glomers/sim';
import {
  emptyCommitGossip,
  incomingGossip,
  noteCommitChanges,
  outgoingGossip,
  type CommitGossip,
} from './replication/commit-gossip';
import { handleAppend } from './replication/follower';
import { Forwarding, type AppendOutcome, type ForwardingTiming, type Settle } from './replication/forwarding';
import { handleAppendAck, leaderAppend, nextAppend, type ReplicationTiming } from './replication/leader';
import {
  parseReplicationMessage,
  type AppendMessage,
  type CommitDelta,
  type ForwardedSend,
  type ReplicationMessage,
} from './replication/messages';
import {
  becomeLeader,
  initialReplica,
  observeTerm,
  resign,
  setExcluded,
  type ReplicaState,
} from './replication/replica-state';
import { Exclusions, type ExclusionTiming } from './replication/exclusions';

export interface ReplicatedLogTiming
  extends LeaseTiming, ReplicationTiming, ForwardingTiming, ExclusionTiming {
  /** A leader's uncommitted append fails (indeterminate) after this long; keep it below the client's timeout. */
  readonly pendingTimeoutMs: number;
}

export const DEFAULT_TIMING: ReplicatedLogTiming = {
  ...DEFAULT_LEASE_TIMING,
  heartbeatMs: 100,
  retryMs: 200,
  maxBatch: 256,
  lingerMs: 0,
  forwardTimeoutMs: 3000,
  pendingTimeoutMs: 3000,
  excludeAfterMs: 300,
};

export interface ReplicatedLogPorts {
  readonly nodeId: string;
  /** Every node of the cluster, this one included. */
  readonly nodeIds: readonly string[];
  /** Sends one peer message (fire and forget; loss, delay and reordering are tolerated). */
  readonly send: (dest: string, message: ReplicationMessage) => void;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly leaseStore: LeaseStore;
}

export interface ReplicatedLogOptions {
  readonly timing?: Partial<ReplicatedLogTiming>;
  readonly leaseKey?: string;
}

export interface ReplicatedLogStatus {
  readonly role: 'leader' | 'follower';
  readonly term: number;
  readonly leaderId: string | undefined;
  readonly logLength: number;
  readonly commitIndex: number;
}

interface PendingAppend {
  readonly term: number;
  readonly expiresAt: number;
  readonly settle: Settle;
}

/**
 * One node of the replicated kafka log: leader election by lease, replication to every node, commit once every
 * node holds an entry, polls served from the committed prefix. The node lib routes client requests to `append`,
 * `readFrom`, `commitOffsets`, `committedOffsets`, and peer messages of `REPLICATION_MESSAGE_TYPES` to `receive`.
 * A send at a follower goes to the leader through `Forwarding` (replication/forwarding.ts).
 */
export class ReplicatedLogNode {
  private readonly timing: ReplicatedLogTiming;
  private readonly election: LeaseElection;
  private replica: ReplicaState;
  private applied = KeyedLog.empty();
  private gossip: CommitGossip = emptyCommitGossip;
  private readonly pendingAppends = new Map<number, PendingAppend>();
  private readonly forwarding: Forwarding;
  /** Leader only: which followers commits wait for (replication/exclusions.ts). */
  private exclusions: Exclusions | undefined;
  private wake: { readonly at: number; readonly cancel: Cancel } | undefined;
  private lastSettle:
    { readonly commitIndex: number; readonly term: number; readonly length: number } | undefined;
  private cancelTimer: Cancel | undefined;

  constructor(
    private readonly ports: ReplicatedLogPorts,
    options: ReplicatedLogOptions = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.replica = initialReplica(ports.nodeId, ports.nodeIds);
    this.forwarding = new Forwarding(ports.clock, ports.scheduler, this.timing, (sends) =>
      this.forwardOnTheirOwn(sends),
    );
    this.election = new LeaseElection({
      nodeId: ports.nodeId,
      store: ports.leaseStore,
      clock: ports.clock,
      scheduler: ports.scheduler,
      timing: this.timing,
      key: options.leaseKey ?? DEFAULT_LEASE_KEY,
      events: {
        elected: (term, excluded) => this.onElected(term, excluded),
        confirmed: (excluded) => {
          this.exclusions?.confirmed(excluded);
          this.transition(this.replica);
        },
        deposed: () => this.transition(resign(this.replica)),
        observed: (record) => this.onLeaseObserved(record),
      },
    });
  }

  start(): void {
    if (this.cancelTimer) return;
    this.cancelTimer = this.ports.scheduler.setInterval(
      () => this.tick(),
      Math.min(this.timing.tickMs, this.timing.heartbeatMs),
    );
    this.election.start();
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.forwarding.stop();
    this.wake?.cancel();
    this.wake = undefined;
    this.election.stop();
  }

  get status(): ReplicatedLogStatus {
    const { role, term, leaderId, entries, commitIndex } = this.replica;
    return { role, term, leaderId, logLength: entries.length, commitIndex };
  }

  /** The committed log as a value (what polls see). */
  get log(): KeyedLog {
    return this.applied;
  }

  /**
   * Appends `msg` to `key` and resolves with its offset once every node holds it. Rejects with `AppendError`:
   * definite when nothing was appended (no leader known, lease lost), indeterminate when the outcome is unknown.
   */
  append(key: string, msg: Json): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const settle = (outcome: AppendOutcome) =>
        outcome.ok ? resolve(outcome.offset) : reject(outcome.error);
      if (this.replica.role === 'leader') return this.appendAsLeader(key, msg, settle);
      if (this.replica.leaderId === undefined)
        return settle({ ok: false, error: AppendError.notLeader('no leader known') });
      this.forwarding.forward(key, msg, settle);
    });
  }

  /** Committed entries of `key` from offset `from`, at most `maxBatch`, in order and without gaps. */
  readFrom(key: string, from: number, maxBatch: number): readonly LogEntry[] {
    return this.applied.readFrom(key, from, maxBatch);
  }

  /** Records consumer commits here (monotonic per key) and spreads them to the other nodes. */
  commitOffsets(offsets: Iterable<readonly [string, number]>): void {
    const { log, changed } = this.applied.commitAll(offsets);
    this.applied = log;
    this.gossip = noteCommitChanges(this.gossip, changed);
  }

  /** Committed offsets known here for `keys`; keys never committed are left out. */
  committedOffsets(keys: Iterable<string>): Map<string, number> {
    const result = new Map<string, number>();
    for (const key of keys) {
      const offset = this.applied.committed.get(key);
      if (offset !== undefined) result.set(key, offset);
    }
    return result;
  }

  /** Handles a peer message; false if `body` is not a well-formed replication message. */
  receive(from: string, body: unknown): boolean {
    const message = parseReplicationMessage(body);
    if (!message) return false;
    switch (message.type) {
      case 'rl_append':
        this.onAppend(from, message);
        break;
      case 'rl_append_ack': {
        if (message.term === this.replica.term) this.exclusions?.heard(from, this.ports.clock.now());
        this.mergeGossip(from, message);
        const state = handleAppendAck(this.replica, from, message);
        if (state.term > this.replica.term) this.election.observeTerm(state.term);
        this.transition(state);
        if (message.forwards) this.onForwards(from, message.forwards);
        break;
      }
      case 'rl_forward':
        this.onForwards(from, message.sends);
        break;
      case 'rl_forward_error': {
        const error = message.definite
          ? AppendError.notLeader(message.text)
          : AppendError.indeterminate(message.text);
        for (const id of message.ids) this.forwarding.settle(id, { ok: false, error });
        break;
      }
    }
    return true;
  }

  private appendAsLeader(key: string, msg: Json, settle: Settle): void {
    if (!this.election.holdsLease()) {
      settle({ ok: false, error: AppendError.notLeader('lease expired') });
      return;
    }
    const { state, index } = leaderAppend(this.replica, key, msg);
    const expiresAt = this.ports.clock.now() + this.timing.pendingTimeoutMs;
    this.pendingAppends.set(index, { term: state.term, expiresAt, settle });
    this.transition(state);
  }

  private onAppend(leader: string, message: AppendMessage): void {
    const before = this.replica;
    const { state, ack } = handleAppend(this.replica, leader, message);
    const fromLeader = state.term === message.term && state.leaderId === leader;
    if (fromLeader) this.election.heardFromLeader();
    if (state.term > before.term) this.election.observeTerm(state.term);
    this.mergeGossip(leader, message);
    if (fromLeader && message.placed) this.forwarding.placed(message.placed, message.term);
    const forwards = fromLeader ? this.forwarding.take() : [];
    this.ports.send(leader, {
      ...ack,
      ...(forwards.length > 0 ? { forwards } : {}),
      ...this.gossipFor(leader),
    });
    this.transition(state);
  }

  /** Leader: appends sends a follower forwarded; anyone else refuses them, definitely (nothing was appended). */
  private onForwards(follower: string, sends: readonly ForwardedSend[]): void {
    if (sends.length === 0) return;
    if (this.replica.role !== 'leader' || !this.election.holdsLease()) {
      const ids = sends.map(([id]) => id);
      this.ports.send(follower, { type: 'rl_forward_error', ids, definite: true, text: 'not the leader' });
      return;
    }
    let state = this.replica;
    for (const [id, key, msg] of sends) state = leaderAppend(state, key, msg, { peer: follower, id }).state;
    this.transition(state);
  }

  /** No acknowledgement took the queued sends in time: they go to the leader on their own, or are appended here. */
  private forwardOnTheirOwn(sends: ForwardedSend[]): void {
    if (this.replica.role === 'leader') {
      for (const [id, key, msg] of sends) {
        const settle = this.forwarding.withdraw(id);
        if (settle) this.appendAsLeader(key, msg, settle);
      }
      return;
    }
    const leader = this.replica.leaderId;
    if (leader !== undefined) {
      this.ports.send(leader, { type: 'rl_forward', sends });
      return;
    }
    const error = AppendError.notLeader('no leader known');
    for (const [id] of sends) this.forwarding.settle(id, { ok: false, error });
  }

  private onElected(term: number, excluded: readonly string[]): void {
    const state = becomeLeader(this.replica, term, excluded);
    if (state === this.replica) {
      this.election.resign();
      return;
    }
    const now = this.ports.clock.now();
    this.exclusions = new Exclusions(state.peers, now, excluded, state.entries.length, this.timing);
    this.transition(state);
  }

  private onLeaseObserved(record: LeaseRecord): void {
    const state = observeTerm(this.replica, record.term, record.holder);
    if (state.term > this.replica.term) this.election.observeTerm(state.term);
    this.transition(state);
  }

  private tick(): void {
    const now = this.ports.clock.now();
    for (const [index, pending] of this.pendingAppends) {
      if (now < pending.expiresAt) continue;
      this.pendingAppends.delete(index);
      pending.settle({ ok: false, error: AppendError.indeterminate('not committed in time') });
    }
    this.forwarding.expire(now);
    this.transition(this.replica);
  }

  /** Adopts a new state, then applies newly committed entries, settles appends and sends what is due. */
  private transition(state: ReplicaState): void {
    this.replica = this.reviewExclusions(state);
    this.applyCommitted();
    this.settleAppends();
    this.forwarding.settlePlaced(this.replica.entries, this.replica.commitIndex);
    if (state.role === 'leader') this.pump();
  }

  /** Leader: updates which followers commits wait for, and asks the register for the matching exclusions. */
  private reviewExclusions(state: ReplicaState): ReplicaState {
    if (state.role !== 'leader') {
      this.exclusions = undefined;
      return state;
    }
    const exclusions = this.exclusions;
    if (!exclusions) return state;
    if (exclusions.review(state, this.ports.clock.now())) this.election.exclude(exclusions.wanted);
    const notWaitedFor = exclusions.notWaitedFor;
    const same =
      notWaitedFor.size === state.excluded.size &&
      [...notWaitedFor].every((peer) => state.excluded.has(peer));
    return same ? state : setExcluded(state, notWaitedFor);
  }

  private applyCommitted(): void {
    const { entries, commitIndex } = this.replica;
    for (let index = this.applied.nextOffset; index < commitIndex; index++) {
      const entry = entries.at(index);
      this.applied = this.applied.append(entry.key, entry.msg).log;
    }
  }

  private settleAppends(): void {
    const { entries, commitIndex, term } = this.replica;
    const last = this.lastSettle;
    // Only a commit, a new term or a truncation can settle anything: skip the scan otherwise.
    if (last && last.commitIndex === commitIndex && last.term === term && entries.length >= last.length) {
      this.lastSettle = { commitIndex, term, length: entries.length };
      return;
    }
    this.lastSettle = { commitIndex, term, length: entries.length };
    for (const [index, pending] of this.pendingAppends) {
      if (index < commitIndex && entries.at(index).term === pending.term) {
        this.pendingAppends.delete(index);
        pending.settle({ ok: true, offset: index });
      } else if (index >= entries.length || entries.at(index).term !== pending.term) {
        this.pendingAppends.delete(index);
        pending.settle({ ok: false, error: AppendError.indeterminate('leadership changed before commit') });
      }
    }
  }

  private pump(): void {
    const now = this.ports.clock.now();
    let wakeAt = Infinity;
    for (const peer of this.replica.peers) {
      const next = nextAppend(this.replica, peer, now, this.timing);
      this.replica = next.state;
      if (next.message) this.ports.send(peer, { ...next.message, ...this.gossipFor(peer) });
      if (next.wakeAt !== undefined) wakeAt = Math.min(wakeAt, next.wakeAt);
    }
    this.wakeAt(wakeAt);
  }

  /** Keeps one timer for the earliest moment a lingering append becomes due. */
  private wakeAt(at: number): void {
    if (at === Infinity || (this.wake && this.wake.at <= at)) return;
    this.wake?.cancel();
    const cancel = this.ports.scheduler.setTimeout(
      () => {
        this.wake = undefined;
        this.transition(this.replica);
      },
      Math.max(0, at - this.ports.clock.now()),
    );
    this.wake = { at, cancel };
  }

  private gossipFor(peer: string): { commits?: CommitDelta; commitsSeen?: number } {
    return outgoingGossip(this.gossip, peer, this.applied.committed);
  }

  private mergeGossip(
    peer: string,
    message: { readonly commits?: CommitDelta; readonly commitsSeen?: number },
  ): void {
    this.gossip = incomingGossip(this.gossip, peer, message);
    if (!message.commits) return;
    const { log, changed } = this.applied.commitAll(Object.entries(message.commits.offsets));
    this.applied = log;
    this.gossip = noteCommitChanges(this.gossip, changed);
  }
}
