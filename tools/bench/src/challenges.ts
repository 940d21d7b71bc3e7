/**
 * Every Gossip Glomers challenge run (reference §8), in one table: the app that solves it, Maelstrom `test`
 * arguments (without --bin), and the performance bounds the challenge sets. `glomers-bench challenge <app>` runs
 * an app's rows against dist/apps/<app>/main.js on the chosen engine.
 */
export interface Bounds {
  /** `net.servers.msgs-per-op` must be below this. */
  readonly serversMsgsPerOp?: number;
  /** `workload.stable-latencies` 0.5 (ms) must be below this. */
  readonly stableLatencyMedianMs?: number;
  /** `workload.stable-latencies` 1 (ms) must be below this. */
  readonly stableLatencyMaxMs?: number;
}

export interface ChallengeRun {
  /** Row name, e.g. '3d' or '3d-partition'. */
  readonly challenge: string;
  /** The Nx app project whose dist/apps/<app>/main.js is the node. */
  readonly app: string;
  readonly args: readonly string[];
  readonly bounds?: Bounds;
}

const broadcast = (nodes: number, rate: number, ...extra: string[]) => [
  '-w',
  'broadcast',
  '--node-count',
  String(nodes),
  '--time-limit',
  '20',
  '--rate',
  String(rate),
  ...extra,
];
const kafka = (nodes: number) => [
  '-w',
  'kafka',
  '--node-count',
  String(nodes),
  '--concurrency',
  '2n',
  '--time-limit',
  '20',
  '--rate',
  '1000',
];
const txn = (nodes: number, ...extra: string[]) => [
  '-w',
  'txn-rw-register',
  '--node-count',
  String(nodes),
  '--time-limit',
  '20',
  '--rate',
  '1000',
  '--concurrency',
  '2n',
  ...extra,
];
const partition = ['--nemesis', 'partition'];

export const CHALLENGES: readonly ChallengeRun[] = [
  { challenge: '1', app: 'echo', args: ['-w', 'echo', '--node-count', '1', '--time-limit', '10'] },
  {
    challenge: '2',
    app: 'unique-ids',
    args: [
      '-w',
      'unique-ids',
      '--time-limit',
      '30',
      '--rate',
      '1000',
      '--node-count',
      '3',
      '--availability',
      'total',
      ...partition,
    ],
  },
  { challenge: '3a', app: 'broadcast-3a', args: broadcast(1, 10) },
  { challenge: '3b', app: 'broadcast-3b', args: broadcast(5, 10) },
  { challenge: '3c', app: 'broadcast-3c', args: broadcast(5, 10, ...partition) },
  {
    challenge: '3d',
    app: 'broadcast-3d',
    args: broadcast(25, 100, '--latency', '100'),
    bounds: { serversMsgsPerOp: 30, stableLatencyMedianMs: 400, stableLatencyMaxMs: 600 },
  },
  {
    challenge: '3d-partition',
    app: 'broadcast-3d',
    args: broadcast(25, 100, '--latency', '100', ...partition),
  },
  {
    challenge: '3e',
    app: 'broadcast-3e',
    args: broadcast(25, 100, '--latency', '100'),
    bounds: { serversMsgsPerOp: 20, stableLatencyMedianMs: 1000, stableLatencyMaxMs: 2000 },
  },
  {
    challenge: '3e-partition',
    app: 'broadcast-3e',
    args: broadcast(25, 100, '--latency', '100', ...partition),
  },
  {
    challenge: '4',
    app: 'g-counter',
    args: ['-w', 'g-counter', '--node-count', '3', '--rate', '100', '--time-limit', '20', ...partition],
  },
  { challenge: '5a', app: 'kafka-5a', args: kafka(1) },
  { challenge: '5b', app: 'kafka-5b', args: kafka(2) },
  { challenge: '5b-partition', app: 'kafka-5b', args: [...kafka(2), ...partition] },
  { challenge: '5c', app: 'kafka-5c', args: kafka(2) },
  { challenge: '5c-partition', app: 'kafka-5c', args: [...kafka(2), ...partition] },
  {
    challenge: '6a',
    app: 'txn-6a',
    args: txn(1, '--consistency-models', 'read-uncommitted', '--availability', 'total'),
  },
  { challenge: '6b', app: 'txn-6b', args: txn(2, '--consistency-models', 'read-uncommitted') },
  {
    challenge: '6b-partition',
    app: 'txn-6b',
    args: txn(2, '--consistency-models', 'read-uncommitted', '--availability', 'total', ...partition),
  },
  {
    challenge: '6c',
    app: 'txn-6c',
    args: txn(2, '--consistency-models', 'read-committed', '--availability', 'total', ...partition),
  },
];

export function challengesFor(app: string): ChallengeRun[] {
  return CHALLENGES.filter((c) => c.app === app);
}
