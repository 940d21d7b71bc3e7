import { DEFAULT_LEASE_TIMING, InMemoryLeaseStore, LeaseElection, type LeaseRecord } from '../src';
import { RemoteLeaseStore } from './support/remote-lease-store';
import { SeededRandom, VirtualTime } from '@glomers/sim';

const KEY = 'leader';

interface Member {
  readonly id: string;
  readonly store: RemoteLeaseStore;
  readonly election: LeaseElection;
  readonly elections: number[];
}

function cluster(size: number, latencyMs = 1, seed = 1, timing = DEFAULT_LEASE_TIMING) {
  const time = new VirtualTime();
  const register = new InMemoryLeaseStore();
  const random = new SeededRandom(seed);
  const electedTerms = new Map<number, string>();
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const id = `n${i}`;
    const store = new RemoteLeaseStore(register, time, latencyMs);
    const elections: number[] = [];
    const election = new LeaseElection({
      nodeId: id,
      store,
      clock: time,
      scheduler: time,
      timing,
      key: KEY,
      events: {
        elected: (term) => {
          const previous = electedTerms.get(term);
          if (previous !== undefined) throw new Error(`term ${term} elected ${previous} and ${id}`);
          electedTerms.set(term, id);
          elections.push(term);
        },
        deposed: () => undefined,
        confirmed: () => undefined,
        observed: (_record: LeaseRecord) => undefined,
      },
    });
    members.push({ id, store, election, elections });
  }
  const leaders = () => members.filter((member) => member.election.holdsLease());
  const atMostOneLeader = () => {
    const current = leaders();
    if (current.length > 1)
      throw new Error(`two leaders at ${time.now()}: ${current.map((m) => m.id).join(', ')}`);
  };
  return { time, register, random, members, leaders, atMostOneLeader, electedTerms };
}

describe('LeaseElection (virtual time)', () => {
  it('elects exactly one leader, which keeps its lease by renewing', async () => {
    const { time, members, leaders, atMostOneLeader, register } = cluster(3);
    members.forEach((member) => member.election.start());
    await time.run(5000, atMostOneLeader);
    expect(leaders()).toHaveLength(1);
    const [leader] = leaders();
    expect(leader.elections).toEqual([1]);
    expect(register.peek(KEY)).toMatchObject({ term: 1, holder: leader.id });
    expect(register.peek(KEY)?.renewal).toBeGreaterThan(10);
  });

  it('fails over after the leader stops renewing, with a new term, never two leaders at once', async () => {
    const { time, members, leaders, atMostOneLeader, register } = cluster(3);
    members.forEach((member) => member.election.start());
    await time.run(1000, atMostOneLeader);
    const [old] = leaders();
    old.store.cut = true;
    const cutAt = time.now();
    const failedOver = await time.runUntil(() => {
      atMostOneLeader();
      return leaders().length === 1 && leaders()[0] !== old;
    }, 5000);
    expect(failedOver).toBe(true);
    expect(old.election.holdsLease()).toBe(false);
    expect(register.peek(KEY)?.term).toBe(2);
    const { leaseMs, suspectAfterMs, watchEveryMs } = DEFAULT_LEASE_TIMING;
    // The new leader waited at least one full lease of silence, and not much more.
    expect(time.now() - cutAt).toBeGreaterThanOrEqual(leaseMs - DEFAULT_LEASE_TIMING.renewEveryMs);
    expect(time.now() - cutAt).toBeLessThanOrEqual(leaseMs + suspectAfterMs + 3 * watchEveryMs + 100);
  });

  it('an old leader whose renewal replies are lost stops before the successor starts', async () => {
    const { time, members, leaders, atMostOneLeader } = cluster(2);
    members.forEach((member) => member.election.start());
    await time.run(1000, atMostOneLeader);
    const [old] = leaders();
    old.store.loseReplies = true;
    let stoppedAt: number | undefined;
    let successorAt: number | undefined;
    await time.run(4000, () => {
      atMostOneLeader();
      if (stoppedAt === undefined && !old.election.holdsLease()) stoppedAt = time.now();
      if (successorAt === undefined && leaders().some((m) => m !== old)) successorAt = time.now();
    });
    expect(stoppedAt).toBeDefined();
    expect(successorAt).toBeDefined();
    expect(successorAt ?? 0).toBeGreaterThan(stoppedAt ?? Infinity);
  });

  it('keeps one leader per term and one leader at a time under random register outages (many seeds)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { time, members, random, atMostOneLeader, electedTerms } = cluster(3, 1 + (seed % 3) * 20, seed);
      members.forEach((member) => member.election.start());
      for (let step = 0; step < 20; step++) {
        for (const member of members) {
          member.store.cut = random.next() < 0.3;
          member.store.loseReplies = random.next() < 0.15;
        }
        await time.run(200 + random.int(1500), atMostOneLeader);
      }
      for (const member of members) {
        member.store.cut = false;
        member.store.loseReplies = false;
      }
      await time.run(5000, atMostOneLeader);
      expect(members.filter((m) => m.election.holdsLease())).toHaveLength(1);
      expect(electedTerms.size).toBeGreaterThan(1);
    }
  });

  it('stays safe when a watcher reads the register every millisecond (the margin is what separates them)', async () => {
    const eager = { ...DEFAULT_LEASE_TIMING, watchEveryMs: 1, tickMs: 1 };
    for (const latencyMs of [0, 1, 7]) {
      const { time, members, leaders, atMostOneLeader } = cluster(2, latencyMs, 1, eager);
      members.forEach((member) => member.election.start());
      await time.run(1000, atMostOneLeader);
      const [old] = leaders();
      old.store.cut = true;
      await time.run(3000, atMostOneLeader);
      expect(leaders().map((m) => m.id)).not.toContain(old.id);
      expect(leaders()).toHaveLength(1);
    }
  });

  it('steps down at once when told of a newer term, and on resign', async () => {
    const { time, members, leaders } = cluster(2);
    members.forEach((member) => member.election.start());
    await time.run(500);
    const [leader] = leaders();
    leader.election.observeTerm(1);
    expect(leader.election.holdsLease()).toBe(true);
    leader.election.observeTerm(2);
    expect(leader.election.holdsLease()).toBe(false);
    await time.run(3000);
    const [next] = leaders();
    expect(next).toBeDefined();
    next.election.resign();
    expect(next.election.holdsLease()).toBe(false);
  });

  it('writes the exclusions its holder asks for, and an excluded node never takes over', async () => {
    const { time, members, leaders, register } = cluster(3);
    members.forEach((member) => member.election.start());
    await time.run(1000);
    const [leader] = leaders();
    const [excluded, other] = members.filter((m) => m !== leader);
    leader.election.exclude([excluded.id]);
    await time.run(100);
    expect(register.peek(KEY)?.excluded).toEqual([excluded.id]);
    leader.store.cut = true;
    // Only the node that was not excluded may take over, and it keeps the exclusion in its own record.
    expect(await time.runUntil(() => leaders().length === 1 && leaders()[0] !== leader, 5000)).toBe(true);
    expect(leaders()).toEqual([other]);
    expect(register.peek(KEY)).toMatchObject({ term: 2, holder: other.id, excluded: [excluded.id] });
    other.store.cut = true;
    await time.run(5000);
    expect(excluded.election.holdsLease()).toBe(false);
    expect(excluded.elections).toEqual([]);
  });

  it('reports every applied write of the exclusions to the holder', async () => {
    const time = new VirtualTime();
    const register = new InMemoryLeaseStore();
    const confirmed: (readonly string[])[] = [];
    const election = new LeaseElection({
      nodeId: 'n0',
      store: register,
      clock: time,
      scheduler: time,
      timing: DEFAULT_LEASE_TIMING,
      key: KEY,
      events: {
        elected: () => undefined,
        deposed: () => undefined,
        confirmed: (excluded) => confirmed.push(excluded),
        observed: () => undefined,
      },
    });
    election.start();
    await time.run(1);
    expect(election.holdsLease()).toBe(true);
    election.exclude(['n2', 'n1']);
    await time.run(DEFAULT_LEASE_TIMING.tickMs);
    expect(confirmed.at(-1)).toEqual(['n1', 'n2']);
    election.exclude([]);
    await time.run(DEFAULT_LEASE_TIMING.tickMs);
    expect(confirmed.at(-1)).toEqual([]);
    expect(register.peek(KEY)).not.toHaveProperty('excluded');
    election.stop();
  });

  it('refuses timings that would let a lease lapse between renewals', () => {
    const store = new InMemoryLeaseStore();
    const time = new VirtualTime();
    const events = {
      elected: () => undefined,
      deposed: () => undefined,
      confirmed: () => undefined,
      observed: () => undefined,
    };
    const make = (timing: typeof DEFAULT_LEASE_TIMING) =>
      new LeaseElection({ nodeId: 'n0', store, clock: time, scheduler: time, timing, events });
    expect(() => make({ ...DEFAULT_LEASE_TIMING, renewEveryMs: 900 })).toThrow(RangeError);
    expect(() => make({ ...DEFAULT_LEASE_TIMING, marginMs: 0 })).toThrow(RangeError);
  });
});
