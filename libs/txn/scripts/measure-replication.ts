/**
 * Replication cost under the 6b/6c load (2 nodes, 1000 txn/s for 20 s, Maelstrom's txn generator), in virtual time
 * with zero latency: messages per transaction, replicate-message sizes, and how long after a heal the nodes agree.
 * Run: npx esbuild libs/txn/scripts/measure-replication.ts --bundle --platform=node --outfile=/tmp/measure.js \
 *        --tsconfig=tsconfig.base.json && node /tmp/measure.js
 */
import { FLUSH_INTERVAL_MS, RETRY_AFTER_MS, SimulatedCluster, type Key, type MicroOp } from '../src';

/** Deterministic, so runs are comparable. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Maelstrom's generator: 10 active keys, the i-th drawn with weight 2^(i+1); each key retires after 16 writes. */
function txnGenerator(random: () => number): () => MicroOp[] {
  const active = Array.from({ length: 10 }, (_, i) => i);
  const writes = new Map<Key, number>();
  const pickSlot = () => {
    let r = random() * 2046;
    for (let i = 0; i < active.length; i++) {
      r -= 2 ** (i + 1);
      if (r < 0) return i;
    }
    return active.length - 1;
  };
  return () => {
    const length = 1 + Math.floor(random() * 4);
    return Array.from({ length }, (): MicroOp => {
      const slot = pickSlot();
      const key = active[slot];
      if (random() < 0.5) return ['r', key, null];
      const value = (writes.get(key) ?? 0) + 1;
      writes.set(key, value);
      if (value === 16) active[slot] = Math.max(...active) + 1;
      return ['w', key, value];
    });
  };
}

function measure(partition: { from: number; to: number } | undefined): void {
  const random = lcg(42);
  const nextTxn = txnGenerator(random);
  const cluster = new SimulatedCluster(2);
  let messages = 0;
  let replicateBytes = 0;
  let replicateCount = 0;
  let largest = 0;
  const deliverAll = () => {
    while (cluster.inFlight.length > 0) {
      const { body } = cluster.inFlight[0];
      messages++;
      if (body.includes('"txn_replicate"')) {
        replicateCount++;
        replicateBytes += body.length;
        largest = Math.max(largest, body.length);
      }
      cluster.deliver(0);
    }
  };
  const durationMs = 20_000;
  let converged: number | undefined;
  for (let t = 0; t < durationMs + 5_000; t++) {
    if (partition !== undefined && t === partition.from) cluster.partition(1);
    if (partition !== undefined && t === partition.to) cluster.partition(0);
    if (t < durationMs) {
      const { store, replicator } = cluster.node(Math.floor(random() * 2));
      replicator.publish(store.execute(nextTxn()).writes);
    }
    cluster.time.advance(1);
    deliverAll();
    if (t >= durationMs && converged === undefined) {
      const [a, b] = cluster.nodes.map((n) =>
        JSON.stringify([...n.store.snapshot()].sort(([x], [y]) => x - y)),
      );
      if (a === b) converged = t - durationMs;
    }
  }
  console.log(
    [
      partition ? `partitioned ${partition.from}-${partition.to} ms` : 'no partition',
      `txns ${durationMs}`,
      `node-to-node msgs delivered ${messages} (${(messages / durationMs).toFixed(3)} per txn)`,
      `replicate msgs ${replicateCount}, mean ${Math.round(replicateBytes / replicateCount)} B, max ${largest} B`,
      `agree ${converged ?? 'never'} ms after the last txn`,
      `(flush ${FLUSH_INTERVAL_MS} ms, retry ${RETRY_AFTER_MS} ms)`,
    ].join('; '),
  );
}

measure(undefined);
measure({ from: 5_000, to: 15_000 });
measure({ from: 12_000, to: 20_000 });
