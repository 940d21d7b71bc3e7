/**
 * Wall-clock cost per kafka `send` as one key's log grows, in-process on virtual time (no I/O, no real network):
 * 5a (LocalLogBackend, one node) and 5c (ReplicatedLogBackend with the 5c timing, two nodes, sends alternating
 * between them). Sends go out in waves of concurrent clients; the cost of each band of sends is printed, so a cost
 * that grows with the log shows up as a growing per-send figure.
 * Usage: node tools/scripts/run-ts.mjs tools/scripts/kafka-send-cost.ts [sends=100000] [wave=500]
 */
import {
  EFFICIENT_LOG_TIMING,
  kafkaModule,
  LocalLogBackend,
  replicatedLogOptions,
  ReplicatedLogBackend,
} from '@glomers/node-kafka';
import { SimNetwork } from '@glomers/runtime';
import { performance } from 'node:perf_hooks';

const total = Number(process.argv[2] ?? 100_000);
const wave = Number(process.argv[3] ?? 500);
const bands = 10;

interface Setup {
  readonly name: string;
  readonly nodes: readonly string[];
  readonly net: () => SimNetwork;
}

const setups: Setup[] = [
  {
    name: '5a (LocalLogBackend, 1 node)',
    nodes: ['n0'],
    net: () => new SimNetwork(['n0'], [kafkaModule(LocalLogBackend)]),
  },
  {
    name: '5c (ReplicatedLogBackend, 5c timing, 2 nodes)',
    nodes: ['n0', 'n1'],
    net: () =>
      new SimNetwork(
        ['n0', 'n1'],
        [kafkaModule(ReplicatedLogBackend, replicatedLogOptions(EFFICIENT_LOG_TIMING))],
        {
          latencyMs: 1,
        },
      ),
  },
];

async function measure(setup: Setup): Promise<void> {
  const net = setup.net();
  await net.time.run(3000); // the replicated log elects its leader
  net.clientInbox.length = 0;
  let acknowledged = 0;
  let sent = 0;
  const bandSize = total / bands;
  const bandMs: number[] = [];
  const started = performance.now();
  let bandStart = started;
  while (sent < total) {
    const n = Math.min(wave, total - sent);
    for (let i = 0; i < n; i++) {
      const node = setup.nodes[(sent + i) % setup.nodes.length];
      net.fromClient(node, { type: 'send', key: 'k', msg: sent + i }, `c${(sent + i) % wave}`);
    }
    sent += n;
    await net.time.run(20);
    acknowledged += net.clientInbox.filter((m) => m.body['type'] === 'send_ok').length;
    net.clientInbox.length = 0;
    if (sent % bandSize === 0) {
      const now = performance.now();
      bandMs.push(now - bandStart);
      bandStart = now;
    }
  }
  await net.time.run(5000);
  acknowledged += net.clientInbox.filter((m) => m.body['type'] === 'send_ok').length;
  const totalMs = performance.now() - started;
  const us = (ms: number, count: number) => ((ms * 1000) / count).toFixed(1);
  console.log(
    `${setup.name}: ${total.toLocaleString('en-US')} sends to one key, ${acknowledged} acknowledged`,
  );
  console.log(`  overall ${totalMs.toFixed(0)} ms, ${us(totalMs, total)} µs per send`);
  console.log(
    `  per band of ${bandSize.toLocaleString('en-US')} sends (µs per send): ${bandMs.map((ms) => us(ms, bandSize)).join(' ')}`,
  );
}

async function main(): Promise<void> {
  for (const setup of setups) await measure(setup);
}

void main();
