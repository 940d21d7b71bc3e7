// Rough timings of the operations a broadcast node runs most, on the built package (run `nx build crdt` first):
//   node libs/crdt/scripts/bench.mjs [dist/libs/crdt]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const { GCounter, GSet } = createRequire(import.meta.url)(resolve(process.argv[2] ?? 'dist/libs/crdt'));

function time(label, iterations, operation) {
  for (let i = 0; i < Math.min(iterations, 1000); i++) operation(i);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) operation(i);
  const microseconds = ((performance.now() - start) * 1000) / iterations;
  console.log(`${label.padEnd(58)} ${microseconds.toFixed(2).padStart(9)} µs/op`);
}

const state = GSet.from(Array.from({ length: 1000 }, (_, i) => i));
const knownDelta = GSet.from([10, 200, 300, 400, 999]);
const newDelta = GSet.from([1001, 1002, 1003, 1004, 1005]);
const peer = GSet.from(Array.from({ length: 990 }, (_, i) => i));
const encoded = GSet.toJSON(state);

time('GSet.merge(1000, 5 already known) -> same object', 100_000, () => GSet.merge(state, knownDelta));
time('GSet.merge(1000, 5 new)', 10_000, () => GSet.merge(state, newDelta));
time('GSet.add(1000, new element)', 10_000, (i) => GSet.add(state, 5000 + i));
time('GSet.difference(1000, peer with 990)', 10_000, () => GSet.difference(state, peer));
time('GSet.toJSON(1000)', 10_000, () => GSet.toJSON(state));
time('GSet.fromJSON(1000 integers)', 10_000, () => GSet.fromJSON(encoded, GSet.integers));

let counter = GCounter.empty();
for (let n = 0; n < 25; n++) counter = GCounter.increment(counter, `n${n}`, n + 1);
const counterJson = GCounter.toJSON(counter);
time('GCounter.increment (25 slots)', 100_000, (i) => GCounter.increment(counter, 'n3', i + 1));
time('GCounter.merge (25 slots, one side dominates)', 100_000, () => GCounter.merge(counter, counter));
time('JSON.stringify(GCounter.toJSON) (25 slots)', 100_000, () => JSON.stringify(GCounter.toJSON(counter)));
time('GCounter.fromJSON (25 slots)', 100_000, () => GCounter.fromJSON(counterJson));
