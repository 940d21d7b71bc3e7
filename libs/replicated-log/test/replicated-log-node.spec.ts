import { AppendError, DEFAULT_TIMING, InMemoryLeaseStore, ReplicatedLogNode, type LogEntry } from '../src';
import { SimCluster } from './support/sim-cluster';
import { VirtualTime } from '@glomers/sim';

interface Acked {
  readonly key: string;
  readonly msg: number;
  readonly offset: number;
}

/** A client that keeps sending to random nodes and remembers what was acknowledged. */
function startSending(cluster: SimCluster, keys: readonly string[], everyMs: number) {
  const acked: Acked[] = [];
  const failures = { definite: 0, indeterminate: 0 };
  let next = 0;
  const cancel = cluster.time.setInterval(() => {
    const id = cluster.ids[cluster.random.int(cluster.ids.length)];
    const key = keys[cluster.random.int(keys.length)];
    const msg = next++;
    cluster
      .node(id)
      .append(key, msg)
      .then(
        (offset) => acked.push({ key, msg, offset }),
        (error: unknown) => {
          if (!(error instanceof AppendError)) throw error;
          if (error.definite) failures.definite++;
          else failures.indeterminate++;
        },
      );
  }, everyMs);
  return { acked, failures, stop: cancel, sent: () => next };
}

/** A consumer per node that polls from where it left off and records everything it saw, in order. */
function startPolling(cluster: SimCluster, keys: readonly string[], everyMs: number) {
  const seen = new Map<string, LogEntry[]>();
  const cancel = cluster.time.setInterval(() => {
    for (const id of cluster.ids) {
      for (const key of keys) {
        const log = seen.get(`${id}/${key}`) ?? [];
        const from = log.length === 0 ? 0 : log[log.length - 1][0] + 1;
        log.push(...cluster.node(id).readFrom(key, from, 3));
        seen.set(`${id}/${key}`, log);
      }
    }
  }, everyMs);
  return { seen, stop: cancel };
}

function assertNothingLost(cluster: SimCluster, acked: readonly Acked[], keys: readonly string[]): void {
  for (const id of cluster.ids) {
    for (const { key, msg, offset } of acked) {
      expect(cluster.node(id).readFrom(key, offset, 1)).toEqual([[offset, msg]]);
    }
  }
  cluster.assertPrefixConsistent(keys);
}

/** Runs `ms` of virtual time, checking every 20 ms that no two nodes' committed logs diverge. */
async function runChecked(cluster: SimCluster, ms: number): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += 20) {
    await cluster.time.run(Math.min(20, ms - elapsed));
    cluster.assertPrefixConsistent(KEYS);
  }
}

async function converge(cluster: SimCluster): Promise<boolean> {
  return cluster.time.runUntil(() => {
    const leaders = cluster.leaders();
    if (leaders.length !== 1) return false;
    const { logLength } = cluster.node(leaders[0]).status;
    return cluster.ids.every((id) => cluster.node(id).status.commitIndex === logLength);
  }, 20_000);
}

const KEYS = ['a', 'b', 'c'];

jest.setTimeout(30_000);

describe('ReplicatedLogNode (virtual time, simulated network)', () => {
  it('elects one leader and commits sends made at any node, with unique increasing offsets', async () => {
    const cluster = new SimCluster({ size: 2, seed: 1 });
    cluster.start();
    await cluster.time.run(200);
    expect(cluster.leaders()).toHaveLength(1);
    const client = startSending(cluster, KEYS, 5);
    await cluster.time.run(1000);
    client.stop();
    await cluster.time.run(500);
    expect(client.failures).toEqual({ definite: 0, indeterminate: 0 });
    expect(client.acked).toHaveLength(client.sent());
    for (const key of KEYS) {
      const offsets = client.acked.filter((a) => a.key === key).map((a) => a.offset);
      expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
      expect(new Set(offsets).size).toBe(offsets.length);
    }
    assertNothingLost(cluster, client.acked, KEYS);
  });

  it.each([0, 10])(
    'linger %i ms: replicates over a lossy, reordering network; followers converge, never expose a gap',
    async (lingerMs) => {
      for (const seed of [1, 2]) {
        const cluster = new SimCluster({
          size: 3,
          seed,
          maxLatencyMs: 8,
          lossRate: 0.2,
          timing: { lingerMs },
        });
        cluster.start();
        const client = startSending(cluster, KEYS, 4);
        const consumers = startPolling(cluster, KEYS, 7);
        await runChecked(cluster, 1500);
        client.stop();
        expect(await converge(cluster)).toBe(true);
        await cluster.time.run(200);
        consumers.stop();
        assertNothingLost(cluster, client.acked, KEYS);
        expect(client.acked.length).toBeGreaterThan(client.sent() / 2);
        for (const [where, log] of consumers.seen) {
          const [id, key] = where.split('/');
          expect(log).toEqual(cluster.entries(id, key).slice(0, log.length));
        }
      }
    },
  );

  it('with a linger, batches sends from both nodes: appends carry many, forwards ride on acknowledgements', async () => {
    const cluster = new SimCluster({ size: 2, seed: 3, maxLatencyMs: 1, timing: { lingerMs: 10 } });
    cluster.start();
    await cluster.time.run(500);
    const [leader] = cluster.leaders();
    const [follower] = cluster.ids.filter((id) => id !== leader);
    const before = new Map(cluster.sentByType);
    const sent = (type: string) => (cluster.sentByType.get(type) ?? 0) - (before.get(type) ?? 0);
    const client = startSending(cluster, KEYS, 1);
    await cluster.time.run(1000);
    client.stop();
    await cluster.time.run(100);
    expect(client.failures).toEqual({ definite: 0, indeterminate: 0 });
    expect(client.acked).toHaveLength(client.sent());
    assertNothingLost(cluster, client.acked, KEYS);
    // ~1000 sends, half of them at the follower; one append per linger, each answered by one acknowledgement.
    expect(sent('rl_append')).toBeLessThanOrEqual(1100 / 10);
    expect(sent('rl_append_ack')).toBe(sent('rl_append'));
    expect(sent('rl_forward')).toBeLessThan(sent('rl_append') / 10);
    expect(client.acked.length).toBeGreaterThan(900);
    expect(cluster.node(follower).status.commitIndex).toBe(cluster.node(leader).status.logLength);
  });

  it('fails over when the leader stops renewing, and loses no acknowledged send', async () => {
    for (const seed of [4, 5]) {
      const cluster = new SimCluster({ size: 2, seed, maxLatencyMs: 2 });
      cluster.start();
      const client = startSending(cluster, KEYS, 6);
      await cluster.time.run(1000);
      const [old] = cluster.leaders();
      const oldTerm = cluster.node(old).status.term;
      cluster.store(old).cut = true;
      await runChecked(cluster, 3000);
      const [successor] = cluster.leaders();
      expect(successor).toBeDefined();
      expect(successor).not.toBe(old);
      expect(cluster.node(successor).status.term).toBeGreaterThan(oldTerm);
      const ackedBefore = client.acked.length;
      await cluster.time.run(1000);
      expect(client.acked.length).toBeGreaterThan(ackedBefore);
      client.stop();
      cluster.heal();
      expect(await converge(cluster)).toBe(true);
      assertNothingLost(cluster, client.acked, KEYS);
    }
  });

  it('rejects, definitely, an append at a leader whose lease lapsed, and never commits it', async () => {
    const cluster = new SimCluster({ size: 2, seed: 7 });
    cluster.start();
    await cluster.time.run(500);
    const [old] = cluster.leaders();
    cluster.store(old).cut = true;
    await cluster.time.run(DEFAULT_TIMING.leaseMs);
    const attempt = cluster.node(old).append('a', 999);
    await expect(attempt).rejects.toMatchObject({ definite: true });
    cluster.heal();
    expect(await converge(cluster)).toBe(true);
    for (const id of cluster.ids) expect(cluster.entries(id, 'a').map(([, msg]) => msg)).not.toContain(999);
  });

  it('checks the lease on every append, not only on timer ticks', async () => {
    // Election ticks every 1000 ms, so the lease (850 ms usable) lapses while the node still has the leader role.
    const cluster = new SimCluster({ size: 2, seed: 14, timing: { tickMs: 1000 } });
    cluster.start();
    await cluster.time.run(100);
    const [leader] = cluster.leaders();
    const first = cluster.node(leader).append('a', 1);
    await cluster.time.run(50);
    await expect(first).resolves.toBe(0);
    await cluster.time.run(750);
    expect(cluster.leaders()).toEqual([leader]);
    const outcome = cluster
      .node(leader)
      .append('a', 2)
      .then(
        (offset) => `accepted at ${offset}`,
        (error: unknown) => error,
      );
    await cluster.time.run(2000);
    expect(await outcome).toMatchObject({ definite: true });
    for (const id of cluster.ids) expect(cluster.entries(id, 'a').map(([, msg]) => msg)).not.toContain(2);
  });

  it.each([0, 10])(
    'linger %i ms: keeps acknowledged sends through partitions and failovers under random faults',
    async (lingerMs) => {
      for (const seed of [8, 9]) {
        const cluster = new SimCluster({
          size: 3,
          seed,
          maxLatencyMs: 5,
          lossRate: 0.05,
          timing: { lingerMs },
        });
        cluster.start();
        const client = startSending(cluster, KEYS, 8);
        for (let phase = 0; phase < 5; phase++) {
          cluster.heal();
          const victim = cluster.ids[cluster.random.int(cluster.ids.length)];
          const fault = cluster.random.int(3);
          if (fault === 0) cluster.isolate(victim);
          if (fault === 1) cluster.store(victim).cut = true;
          if (fault === 2) cluster.store(victim).loseReplies = true;
          await runChecked(cluster, 300 + cluster.random.int(1500));
        }
        client.stop();
        cluster.heal();
        expect(await converge(cluster)).toBe(true);
        assertNothingLost(cluster, client.acked, KEYS);
        expect(client.acked.length).toBeGreaterThan(0);
      }
    },
  );

  it('does not fail over across a peer partition while the leader keeps its lease, and catches up after', async () => {
    const cluster = new SimCluster({ size: 2, seed: 12 });
    cluster.start();
    await cluster.time.run(500);
    const [leader] = cluster.leaders();
    const term = cluster.node(leader).status.term;
    const client = startSending(cluster, KEYS, 5);
    cluster.isolate(leader);
    await cluster.time.run(4000);
    expect(cluster.leaders()).toEqual([leader]);
    expect(cluster.node(leader).status.term).toBe(term);
    cluster.heal();
    await cluster.time.run(1000);
    client.stop();
    expect(await converge(cluster)).toBe(true);
    assertNothingLost(cluster, client.acked, KEYS);
    expect(client.failures.indeterminate).toBeGreaterThan(0);
  });

  it('keeps committing at the leader while its follower is cut off, and waits for the follower again after', async () => {
    for (const seed of [15, 16]) {
      const cluster = new SimCluster({ size: 2, seed, maxLatencyMs: 2 });
      cluster.start();
      await cluster.time.run(500);
      const [leader] = cluster.leaders();
      const [follower] = cluster.ids.filter((id) => id !== leader);
      cluster.isolate(follower);
      const during = cluster.node(leader).append('a', 1);
      await cluster.time.run(DEFAULT_TIMING.excludeAfterMs + 100);
      await expect(during).resolves.toBe(cluster.node(leader).status.logLength - 1);
      expect(cluster.register.peek('replicated-log/leader')?.excluded).toEqual([follower]);
      expect(cluster.entries(follower, 'a')).toEqual([]);
      cluster.heal();
      const client = startSending(cluster, KEYS, 5);
      await cluster.time.run(1000);
      client.stop();
      expect(await converge(cluster)).toBe(true);
      expect(cluster.register.peek('replicated-log/leader')).not.toHaveProperty('excluded');
      assertNothingLost(cluster, [{ key: 'a', msg: 1, offset: await during }, ...client.acked], KEYS);
      // Waited for again: the follower may now take over, and holds everything acknowledged.
      cluster.store(leader).cut = true;
      await cluster.time.run(3000);
      expect(cluster.leaders()).toEqual([follower]);
      assertNothingLost(cluster, client.acked, KEYS);
    }
  });

  it('never lets a follower that missed commits take over, even when the leader is gone', async () => {
    const cluster = new SimCluster({ size: 2, seed: 17 });
    cluster.start();
    await cluster.time.run(500);
    const [leader] = cluster.leaders();
    const [follower] = cluster.ids.filter((id) => id !== leader);
    cluster.isolate(follower);
    const acked = cluster.node(leader).append('a', 1);
    await cluster.time.run(DEFAULT_TIMING.excludeAfterMs + 100);
    await expect(acked).resolves.toBe(0);
    cluster.node(leader).stop();
    cluster.heal();
    await cluster.time.run(5000);
    // Taking over would lose the acknowledged entry, which only the old leader holds.
    expect(cluster.node(follower).status.role).toBe('follower');
    const attempt = cluster
      .node(follower)
      .append('a', 2)
      .then(
        () => 'acknowledged',
        () => 'refused',
      );
    await cluster.time.run(DEFAULT_TIMING.forwardTimeoutMs + 1000);
    expect(await attempt).toBe('refused');
    expect(cluster.register.peek('replicated-log/leader')).toMatchObject({
      holder: leader,
      excluded: [follower],
    });
  });

  it('spreads consumer commit offsets to every node, never moving them backwards', async () => {
    const cluster = new SimCluster({ size: 3, seed: 13, lossRate: 0.3, maxLatencyMs: 3 });
    cluster.start();
    await cluster.time.run(500);
    cluster.node('n1').commitOffsets([['a', 5]]);
    cluster.node('n2').commitOffsets([
      ['a', 3],
      ['b', 7],
    ]);
    await cluster.time.run(2000);
    for (const id of cluster.ids) {
      expect(Object.fromEntries(cluster.node(id).committedOffsets(['a', 'b', 'zz']))).toEqual({ a: 5, b: 7 });
    }
  });

  it('runs a single-node cluster on an in-memory lease store', async () => {
    const time = new VirtualTime();
    const node = new ReplicatedLogNode({
      nodeId: 'n0',
      nodeIds: ['n0'],
      send: () => {
        throw new Error('nobody to send to');
      },
      clock: time,
      scheduler: time,
      leaseStore: new InMemoryLeaseStore(),
    });
    node.start();
    await time.run(1);
    expect(node.status.role).toBe('leader');
    await expect(node.append('k', 1)).resolves.toBe(0);
    await expect(node.append('j', 2)).resolves.toBe(1);
    expect(node.readFrom('k', 0, 10)).toEqual([[0, 1]]);
    node.stop();
  });
});
