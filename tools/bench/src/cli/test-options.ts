import type { LatencyDist } from '@glomers/sim';
import type { TestOptions } from '../lib/workload';

/** Everything `glomers-bench test` accepts, after parsing. */
export interface ParsedTest {
  readonly options: TestOptions;
  readonly bin: string;
  /** Non-option words: passed to the binary, as Maelstrom does. */
  readonly args: readonly string[];
  readonly latency: { readonly meanMs: number; readonly dist: LatencyDist };
  readonly nemesisIntervalS: number;
  readonly logStderr: boolean;
  readonly logNetSend: boolean;
  readonly logNetRecv: boolean;
  readonly seed: number | undefined;
  /** --engine, when given: the process engine ('bench') or the simulation ('sim'). */
  readonly engine: TestEngine | undefined;
  /** --processing-delay: virtual ms from a message's arrival at a node to its handler (sim engine). */
  readonly processingDelayMs: number;
  readonly help: boolean;
}

export const TEST_ENGINES = ['bench', 'sim'] as const;
export type TestEngine = (typeof TEST_ENGINES)[number];

/**
 * Virtual ms from a message's arrival at a sim node to its handler, unless --processing-delay says otherwise: the
 * process engine's median one-hop latency on an idle machine (a kafka poll or an echo, client to node and back), so
 * the sim's latencies and the contention they cause read like the process engine's (bench README, "The sim engine").
 */
export const DEFAULT_PROCESSING_DELAY_MS = 0.4;

export const TOPOLOGIES = ['line', 'grid', 'tree', 'tree2', 'tree3', 'tree4', 'total'];

interface Spec {
  readonly name: string;
  readonly short?: string;
  readonly arg?: string;
  readonly doc: string;
  readonly default?: string;
  /** Returns an error text when the value is invalid. */
  readonly validate?: (value: string) => string | undefined;
}

const nonNegativeInt = (v: string) => (/^\d+$/.test(v) ? undefined : 'Must be a non-negative integer');
const positiveInt = (v: string) => (/^\d+$/.test(v) && Number(v) > 0 ? undefined : 'Must be positive');
const positiveNumber = (v: string) =>
  Number.isFinite(Number(v)) && Number(v) > 0 ? undefined : 'Must be positive';

/** Maelstrom's `test` options (jepsen cli + maelstrom core) plus --seed; defaults as Maelstrom's. */
export const TEST_OPTIONS: readonly Spec[] = [
  { name: 'help', short: 'h', doc: 'Print out this message and exit' },
  { name: 'bin', arg: 'FILE', doc: 'Path to binary which runs a node' },
  { name: 'workload', short: 'w', arg: 'NAME', doc: 'What workload to run.', default: 'lin-kv' },
  {
    name: 'node-count',
    arg: 'NUM',
    doc: 'How many nodes to run. Overrides --nodes, if given.',
    validate: positiveInt,
  },
  { name: 'nodes', arg: 'NODE_LIST', doc: 'Comma-separated list of node names.' },
  { name: 'node', short: 'n', arg: 'HOSTNAME', doc: 'Node(s) to run test on (repeatable).' },
  {
    name: 'time-limit',
    arg: 'SECONDS',
    doc: 'How long the main phase runs, in seconds',
    default: '60',
    validate: positiveInt,
  },
  {
    name: 'rate',
    arg: 'RATE',
    doc: 'Approximate number of request/sec',
    default: '5',
    validate: (v) => (Number.isFinite(Number(v)) && Number(v) >= 0 ? undefined : "Can't be negative"),
  },
  {
    name: 'concurrency',
    arg: 'NUMBER',
    doc: 'How many workers should we run? An integer, optionally followed by n (e.g. 3n) to multiply by the node count.',
    default: '1n',
    validate: (v) => (/^\d+n?$/.test(v) ? undefined : 'Must be an integer, optionally followed by n.'),
  },
  {
    name: 'latency',
    arg: 'MILLIS',
    doc: 'Mean network latency under normal operation, in ms',
    default: '0',
    validate: nonNegativeInt,
  },
  {
    name: 'latency-dist',
    arg: 'TYPE',
    doc: 'Kind of latency distribution to use.',
    default: 'constant',
    validate: (v) =>
      ['constant', 'uniform', 'exponential'].includes(v)
        ? undefined
        : 'Must be constant, uniform, or exponential',
  },
  {
    name: 'nemesis',
    arg: 'FAULTS',
    doc: 'A comma-separated list of faults to inject. The only fault is `partition`.',
    validate: (v) =>
      v.split(/\s*,\s*/).every((f) => f === 'partition') ? undefined : 'Must be one of #{:partition}',
  },
  {
    name: 'nemesis-interval',
    arg: 'SECONDS',
    doc: 'How many seconds between nemesis operations, on average?',
    default: '10',
    validate: positiveNumber,
  },
  {
    name: 'availability',
    arg: 'EXPECTED',
    doc: 'The fraction of client requests which must succeed: a number from 0 to 1, or total.',
    validate: (v) =>
      v === 'total' || (Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 1)
        ? undefined
        : "must be either 'total' or a number between 0 and 1.",
  },
  {
    name: 'topology',
    arg: 'SPEC',
    doc: 'Network topology offered to nodes (broadcast).',
    default: 'grid',
    validate: (v) => (TOPOLOGIES.includes(v) ? undefined : `Must be one of ${TOPOLOGIES.join(', ')}`),
  },
  {
    name: 'consistency-models',
    arg: 'MODELS',
    doc: 'A comma-separated list of consistency models to check.',
    default: 'strict-serializable',
  },
  {
    name: 'max-txn-length',
    arg: 'INT',
    doc: "What's the most operations we can execute per transaction?",
    default: '4',
    validate: positiveInt,
  },
  {
    name: 'max-writes-per-key',
    arg: 'INT',
    doc: 'How many writes can we perform to any single key?',
    default: '16',
    validate: positiveInt,
  },
  { name: 'key-count', arg: 'INT', doc: 'How many keys should we test at once?', validate: positiveInt },
  { name: 'log-stderr', doc: 'Whether to log debugging output from nodes' },
  { name: 'log-net-send', doc: 'Log packets as they are sent' },
  { name: 'log-net-recv', doc: 'Log packets as they are received' },
  {
    name: 'test-count',
    arg: 'NUMBER',
    doc: 'How many times should we repeat a test? (the bench runs one)',
    default: '1',
    validate: positiveInt,
  },
  {
    name: 'seed',
    arg: 'N',
    doc: 'Seed for every random choice of the bench (printed at start)',
    validate: (v) => (/^-?\d+$/.test(v) ? undefined : 'Must be an integer'),
  },
  {
    name: 'engine',
    arg: 'ENGINE',
    doc: 'bench: each node a process, real time; sim: runtime-based nodes in-process on virtual time (default: GLOMERS_ENGINE if bench or sim, else bench)',
    validate: (v) => ((TEST_ENGINES as readonly string[]).includes(v) ? undefined : 'Must be bench or sim'),
  },
  {
    name: 'processing-delay',
    arg: 'MILLIS',
    doc: 'sim engine: virtual ms from a message arriving at a node to its handler (pipe, parse, event loop)',
    default: String(DEFAULT_PROCESSING_DELAY_MS),
    validate: (v) =>
      Number.isFinite(Number(v)) && Number(v) >= 0 && v.trim() !== '' ? undefined : "Can't be negative",
  },
  // Accepted for compatibility with Maelstrom's command lines; meaningless for a local bench.
  { name: 'username', arg: 'USER', doc: '(ignored)' },
  { name: 'password', arg: 'PASS', doc: '(ignored)' },
  { name: 'ssh-private-key', arg: 'FILE', doc: '(ignored)' },
  { name: 'nodes-file', arg: 'FILENAME', doc: '(ignored)' },
  { name: 'strict-host-key-checking', doc: '(ignored)' },
  { name: 'no-ssh', doc: '(ignored)' },
  { name: 'leave-db-running', doc: '(ignored)' },
  { name: 'logging-json', doc: '(ignored)' },
];

export type ParseOutcome = { ok: true; parsed: ParsedTest } | { ok: false; errors: string[] };

/** Parses `test` arguments as tools.cli does: `--name value`, `--name=value`, `-w value`; other words are args. */
export function parseTestArgs(argv: readonly string[], knownWorkloads: readonly string[]): ParseOutcome {
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    const long = /^--([^=]+)(?:=(.*))?$/.exec(word);
    const short = /^-([a-zA-Z])$/.exec(word);
    if (!long && !short) {
      args.push(word);
      continue;
    }
    const spec = long
      ? TEST_OPTIONS.find((s) => s.name === long[1])
      : TEST_OPTIONS.find((s) => s.short === short?.[1]);
    if (!spec) {
      errors.push(`Unknown option: ${JSON.stringify(word.split('=')[0])}`);
      continue;
    }
    let value = 'true';
    if (spec.arg) {
      const inline = long?.[2];
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length) value = argv[++i];
      else {
        errors.push(`Missing required argument for "--${spec.name} ${spec.arg}"`);
        continue;
      }
      const problem = spec.validate?.(value);
      if (problem) errors.push(`Failed to validate "--${spec.name} ${value}": ${problem}`);
    }
    values.set(spec.name, [...(values.get(spec.name) ?? []), value]);
  }
  const get = (name: string): string | undefined => {
    const given = values.get(name);
    return given ? given[given.length - 1] : TEST_OPTIONS.find((s) => s.name === name)?.default;
  };
  const help = values.has('help');
  const workload = get('workload') ?? 'lin-kv';
  if (!help && !knownWorkloads.includes(workload)) {
    errors.push(`Failed to validate "-w ${workload}": Must be one of ${knownWorkloads.join(', ')}`);
  }
  const bin = get('bin');
  if (!help && bin === undefined) errors.push('Expected a --bin PATH_TO_BINARY to test');
  if (errors.length > 0) return { ok: false, errors };

  const nodeCount = get('node-count');
  const nodeIds = nodeCount
    ? Array.from({ length: Number(nodeCount) }, (_, i) => `n${i}`)
    : (values.get('node') ?? get('nodes')?.split(/,\s*/) ?? ['n1', 'n2', 'n3', 'n4', 'n5']);
  const concurrencyText = get('concurrency') ?? '1n';
  const concurrency = concurrencyText.endsWith('n')
    ? Number(concurrencyText.slice(0, -1)) * nodeIds.length
    : Number(concurrencyText);
  const availability = get('availability');
  const keyCount = get('key-count');
  const seed = get('seed');
  return {
    ok: true,
    parsed: {
      options: {
        workload,
        nodeIds,
        concurrency,
        rate: Number(get('rate')),
        timeLimitS: Number(get('time-limit')),
        topology: get('topology') ?? 'grid',
        availability:
          availability === undefined ? undefined : availability === 'total' ? 'total' : Number(availability),
        consistencyModels: (get('consistency-models') ?? 'strict-serializable').split(/\s+,\s+/),
        maxTxnLength: Number(get('max-txn-length')),
        maxWritesPerKey: Number(get('max-writes-per-key')),
        keyCount: keyCount === undefined ? undefined : Number(keyCount),
        nemesis: get('nemesis')?.split(/\s*,\s*/) ?? [],
      },
      bin: bin ?? '',
      args,
      latency: { meanMs: Number(get('latency')), dist: (get('latency-dist') ?? 'constant') as LatencyDist },
      nemesisIntervalS: Number(get('nemesis-interval')),
      logStderr: values.has('log-stderr'),
      logNetSend: values.has('log-net-send'),
      logNetRecv: values.has('log-net-recv'),
      seed: seed === undefined ? undefined : Number(seed),
      engine: get('engine') as TestEngine | undefined,
      processingDelayMs: Number(get('processing-delay')),
      help,
    },
  };
}

export function usage(): string {
  const lines = TEST_OPTIONS.map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.arg ? ` ${s.arg}` : ''}`;
    return `  ${flag.padEnd(36)} ${s.doc}${s.default !== undefined ? ` (default: ${s.default})` : ''}`;
  });
  return ['Usage: glomers-bench test [OPTIONS ...] [-- args for the node binary]', '', ...lines].join('\n');
}
