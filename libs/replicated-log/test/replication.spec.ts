import fc from 'fast-check';
import {
  becomeLeader,
  handleAppend,
  handleAppendAck,
  initialReplica,
  leaderAppend,
  nextAppend,
  type AppendAckMessage,
  type AppendMessage,
  type ReplicaState,
  type ReplicatedEntry,
  type ReplicationTiming,
} from '../src';

const NODES = ['n0', 'n1', 'n2'];
const PAIR = ['n0', 'n1'];
const TIMING: ReplicationTiming = { heartbeatMs: 10, retryMs: 20, maxBatch: 3, lingerMs: 0 };

type Envelope = {
  readonly from: string;
  readonly to: string;
  readonly body: AppendMessage | AppendAckMessage;
};

type Action =
  | { readonly kind: 'elect'; readonly node: number }
  | { readonly kind: 'append'; readonly node: number | 'newest'; readonly key: string }
  | { readonly kind: 'pump'; readonly node: number | 'newest' }
  | { readonly kind: 'deliver'; readonly pick: number }
  | { readonly kind: 'drop'; readonly pick: number }
  | { readonly kind: 'duplicate'; readonly pick: number }
  | { readonly kind: 'advance'; readonly ms: number };

const nodeArb = fc.nat(NODES.length - 1);
/** Mostly the newest leader, sometimes any node (a deposed leader keeps trying). */
const targetArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('newest' as const) },
  { weight: 1, arbitrary: nodeArb },
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: nodeArb.map((node) => ({ kind: 'elect' as const, node })) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      node: targetArb,
      key: fc.constantFrom('a', 'b'),
    }),
  },
  { weight: 6, arbitrary: targetArb.map((node) => ({ kind: 'pump' as const, node })) },
  { weight: 10, arbitrary: fc.nat().map((pick) => ({ kind: 'deliver' as const, pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'drop' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'duplicate' as const, pick })) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }).map((ms) => ({ kind: 'advance' as const, ms })) },
);

/** A cluster of pure replica states over a network that loses, duplicates and reorders messages. */
class Cluster {
  readonly states: Map<string, ReplicaState>;

  constructor(readonly nodes: readonly string[]) {
    this.states = new Map(nodes.map((id) => [id, initialReplica(id, nodes)]));
  }

  network: Envelope[] = [];
  now = 0;
  highestTerm = 0;
  nextMsg = 0;
  /** Every entry ever committed anywhere, by index: what no node may ever contradict. */
  committed: ReplicatedEntry[] = [];
  /** Appends a leader saw committed (i.e. would have acknowledged to a client). */
  acknowledged: Array<{ index: number; entry: ReplicatedEntry }> = [];
  private readonly pendingAcks = new Map<number, ReplicatedEntry>();

  state(id: string): ReplicaState {
    const state = this.states.get(id);
    if (!state) throw new Error(id);
    return state;
  }

  apply(action: Action): void {
    switch (action.kind) {
      case 'elect': {
        const id = this.nodes[action.node % this.nodes.length];
        this.highestTerm++;
        this.update(id, becomeLeader(this.state(id), this.highestTerm));
        break;
      }
      case 'append': {
        const id = this.target(action.node);
        const state = this.state(id);
        if (state.role !== 'leader') return;
        const msg = this.nextMsg++;
        const { state: next, index } = leaderAppend(state, action.key, msg);
        this.pendingAcks.set(msg, next.entries.at(index));
        this.update(id, next);
        break;
      }
      case 'pump': {
        const id = this.target(action.node);
        for (const peer of this.nodes.filter((n) => n !== id)) {
          const { state, message } = nextAppend(this.state(id), peer, this.now, TIMING);
          this.update(id, state);
          if (message) this.network.push({ from: id, to: peer, body: message });
        }
        break;
      }
      case 'deliver': {
        if (this.network.length === 0) return;
        const [envelope] = this.network.splice(action.pick % this.network.length, 1);
        this.deliver(envelope);
        break;
      }
      case 'drop':
        if (this.network.length > 0) this.network.splice(action.pick % this.network.length, 1);
        break;
      case 'duplicate':
        if (this.network.length > 0) this.network.push(this.network[action.pick % this.network.length]);
        break;
      case 'advance':
        this.now += action.ms;
        break;
    }
  }

  /** The node an action addresses: mostly the newest leader, sometimes any node (e.g. a deposed leader). */
  private target(node: number | 'newest'): string {
    if (node !== 'newest') return this.nodes[node % this.nodes.length];
    return (
      this.nodes.find((id) => this.state(id).term === this.highestTerm && this.state(id).role === 'leader') ??
      'n0'
    );
  }

  deliver({ from, to, body }: Envelope): void {
    if (body.type === 'rl_append') {
      const { state, ack } = handleAppend(this.state(to), from, body);
      this.update(to, state);
      this.network.push({ from: to, to: from, body: ack });
    } else {
      this.update(to, handleAppendAck(this.state(to), from, body));
    }
  }

  private update(id: string, next: ReplicaState): void {
    const before = this.state(id);
    expect(next.term).toBeGreaterThanOrEqual(before.term);
    expect(next.commitIndex).toBeGreaterThanOrEqual(before.commitIndex);
    expect(next.commitIndex).toBeLessThanOrEqual(next.entries.length);
    for (let index = 0; index < next.commitIndex; index++) {
      const entry = next.entries.at(index);
      if (index < this.committed.length) expect(entry).toEqual(this.committed[index]);
      else this.committed.push(entry);
    }
    // Committed means held: every other node holds each newly committed entry at the same index right now.
    for (let index = before.commitIndex; index < next.commitIndex; index++) {
      for (const other of this.nodes.filter((n) => n !== id)) {
        expect(this.state(other).entries.length).toBeGreaterThan(index);
        expect(this.state(other).entries.at(index)).toEqual(next.entries.at(index));
      }
    }
    if (next.role === 'leader') {
      for (let index = before.role === 'leader' ? before.commitIndex : 0; index < next.commitIndex; index++) {
        const entry = next.entries.at(index);
        const msg = entry.msg as number;
        if (this.pendingAcks.get(msg) === entry && entry.term === next.term) {
          this.pendingAcks.delete(msg);
          this.acknowledged.push({ index, entry });
        }
      }
    }
    this.states.set(id, next);
  }

  /** Heals the network: the newest leader pumps and every message is delivered, until nothing moves. */
  settle(): void {
    const leader = this.nodes
      .map((id) => this.state(id))
      .find((s) => s.role === 'leader' && s.term === this.highestTerm);
    if (!leader) return;
    for (let round = 0; round < 50; round++) {
      this.now += TIMING.retryMs;
      this.apply({ kind: 'pump', node: this.nodes.indexOf(leader.self) });
      while (this.network.length > 0) this.deliver(this.network.shift() as Envelope);
      const length = this.state(leader.self).entries.length;
      if (
        this.nodes.every((id) => this.state(id).commitIndex === length && this.state(id).term === leader.term)
      )
        return;
    }
  }
}

describe('replication state transitions over a lossy, reordering network', () => {
  it.each([
    ['three', NODES],
    ['two', PAIR],
  ])(
    '%s nodes: never disagree on a committed entry, never lose an acknowledged one, and converge',
    (_, nodes) => {
      fc.assert(
        fc.property(nodeArb, fc.array(actionArb, { maxLength: 150 }), (first, actions) => {
          const cluster = new Cluster(nodes);
          cluster.apply({ kind: 'elect', node: first });
          for (const action of actions) cluster.apply(action);
          cluster.settle();

          const leader = nodes
            .map((id) => cluster.state(id))
            .find((s) => s.role === 'leader' && s.term === cluster.highestTerm);
          if (!leader) return;
          for (const id of nodes) {
            // A follower may keep an uncommitted tail from an old term beyond the leader's log (never served); the
            // leader's next appends overwrite it.
            const state = cluster.state(id);
            expect(state.term).toBe(leader.term);
            expect(state.entries.slice(0, leader.entries.length)).toEqual(leader.entries.toArray());
            expect(state.commitIndex).toBe(leader.entries.length);
          }
          for (const { index, entry } of cluster.acknowledged)
            expect(leader.entries.at(index)).toEqual(entry);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('commits an entry only once every follower holds it', () => {
    const nodes = ['n0', 'n1', 'n2'];
    let leader = leaderAppend(becomeLeader(initialReplica('n0', nodes), 1), 'k', 'x').state;
    const followers = new Map(nodes.slice(1).map((id) => [id, initialReplica(id, nodes)]));
    for (const [id, follower] of followers) {
      const sent = nextAppend(leader, id, 0, TIMING);
      const { ack } = handleAppend(follower, 'n0', sent.message as AppendMessage);
      leader = handleAppendAck(sent.state, id, ack);
      expect(leader.commitIndex).toBe(id === 'n2' ? 1 : 0);
    }
  });

  it('a follower answers a gap with a hint instead of accepting, and catches up from it', () => {
    let leader = becomeLeader(initialReplica('n0', ['n0', 'n1']), 1);
    for (const msg of [1, 2, 3]) leader = leaderAppend(leader, 'k', msg).state;
    // Re-elected: it now assumes followers are up to date, and must discover the gap.
    leader = becomeLeader(leader, 2);
    const follower = initialReplica('n1', ['n0', 'n1']);
    const gap: AppendMessage = {
      type: 'rl_append',
      term: 1,
      seq: 9,
      from: 2,
      prevTerm: 1,
      entries: [[1, 'k', 3]],
      heldElsewhere: 0,
    };
    const { state, ack } = handleAppend(follower, 'n0', gap);
    expect(ack).toMatchObject({ ok: false, hint: 0 });
    expect(state.entries.length).toBe(0);

    const sent = nextAppend(leader, 'n1', 0, TIMING);
    expect(sent.message).toMatchObject({ from: 3, entries: [] });
    const refused = handleAppend(state, 'n0', sent.message as AppendMessage);
    expect(refused.ack).toMatchObject({ ok: false, hint: 0 });
    leader = handleAppendAck(sent.state, 'n1', refused.ack);
    const retry = nextAppend(leader, 'n1', 0, TIMING);
    expect(retry.message).toMatchObject({
      from: 0,
      entries: [
        [1, 'k', 1],
        [1, 'k', 2],
        [1, 'k', 3],
      ],
    });
  });

  it('rejects appends of a deposed leader (fencing by term) and truncates only its uncommitted entries', () => {
    let old = becomeLeader(initialReplica('n0', ['n0', 'n1']), 1);
    old = leaderAppend(old, 'k', 'committed').state;
    let follower = initialReplica('n1', ['n0', 'n1']);
    const first = nextAppend(old, 'n1', 0, TIMING);
    const reply = handleAppend(follower, 'n0', first.message as AppendMessage);
    follower = reply.state;
    old = handleAppendAck(first.state, 'n1', reply.ack);
    expect(old.commitIndex).toBe(1);
    old = leaderAppend(old, 'k', 'lost').state;

    let successor = becomeLeader(follower, 2);
    successor = leaderAppend(successor, 'k', 'new').state;
    const stale = nextAppend(old, 'n1', 100, TIMING).message as AppendMessage;
    const refused = handleAppend(successor, 'n0', stale);
    expect(refused.ack.ok).toBe(false);
    expect(refused.ack.term).toBe(2);
    expect(refused.state.entries.toArray()).toEqual(successor.entries.toArray());
    expect(handleAppendAck(old, 'n1', refused.ack).role).toBe('follower');

    let demoted = handleAppendAck(old, 'n1', refused.ack);
    for (let round = 0; round < 3; round++) {
      const sent = nextAppend(successor, 'n0', 1000 * (round + 1), TIMING);
      const answer = handleAppend(demoted, 'n1', sent.message as AppendMessage);
      demoted = answer.state;
      successor = handleAppendAck(sent.state, 'n0', answer.ack);
    }
    expect(demoted.entries.toArray().map((e) => e.msg)).toEqual(['committed', 'new']);
    expect(successor.commitIndex).toBe(2);
  });
});
