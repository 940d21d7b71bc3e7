import { abbreviate } from '@glomers/protocol';
import type { LatencyDist } from '@glomers/sim';
import type { RunConfig } from '../core/run-config';

/**
 * Everything `glomers-bench test` accepts, after parsing: what a run is configured with (`args` are the non-option
 * words, passed to the binary as Maelstrom does), plus the command's own switches.
 */
export interface ParsedTest extends Pick<
  RunConfig,
  'options' | 'bin' | 'args' | 'latency' | 'nemesisIntervalS' | 'logStderr'
> {
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

/** Node's timers fire at once (after a warning) for delays beyond this. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Processes the bench starts and workers it runs: far beyond any challenge, short of exhausting the machine. */
export const MAX_NODES = 1000;
export const MAX_CONCURRENCY = 10_000;
/** Maelstrom's services: a node may not take their names. */
const SERVICE_IDS = ['lin-kv', 'seq-kv', 'lww-kv', 'lin-tso'];
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An integer option from `min` to `max`. */
function integerIn(min: number, max: number): (value: string) => string | undefined {
  return (v) => {
    if (!/^\d+$/.test(v)) return min > 0 ? 'Must be a positive integer' : 'Must be a non-negative integer';
    return Number(v) < min || Number(v) > max ? `Must be from ${min} to ${max}` : undefined;
  };
}

/** A decimal option above 0 (or from 0 with `zeroAllowed`) up to `max`. */
function numberUpTo(max: number, zeroAllowed: boolean): (value: string) => string | undefined {
  return (v) => {
    if (!DECIMAL.test(v)) return 'Must be a number';
    const n = Number(v);
    if (n < 0) return "Can't be negative";
    if (n === 0 && !zeroAllowed) return 'Must be positive';
    return n > max ? `Must be at most ${max}` : undefined;
  };
}

/** Maelstrom's `test` options (jepsen cli + maelstrom core) plus --seed; defaults as Maelstrom's. */
export const TEST_OPTIONS: readonly Spec[] = [
  { name: 'help', short: 'h', doc: 'Print out this message and exit' },
  { name: 'bin', arg: 'FILE', doc: 'Path to binary which runs a node' },
  { name: 'workload', short: 'w', arg: 'NAME', doc: 'What workload to run.', default: 'lin-kv' },
  {
    name: 'node-count',
    arg: 'NUM',
    doc: 'How many nodes to run. Overrides --nodes, if given.',
    validate: integerIn(1, MAX_NODES),
  },
  { name: 'nodes', arg: 'NODE_LIST', doc: 'Comma-separated list of node names.' },
  { name: 'node', short: 'n', arg: 'HOSTNAME', doc: 'Node(s) to run test on (repeatable).' },
  {
    name: 'time-limit',
    arg: 'SECONDS',
    doc: 'How long the main phase runs, in seconds',
    default: '60',
    validate: integerIn(1, Math.floor(MAX_TIMER_MS / 1000)),
  },
  {
    name: 'rate',
    arg: 'RATE',
    doc: 'Approximate number of request/sec',
    default: '5',
    validate: numberUpTo(1_000_000, true),
  },
  {
    name: 'concurrency',
    arg: 'NUMBER',
    doc: 'How many workers should we run? An integer, optionally followed by n (e.g. 3n) to multiply by the node count.',
    default: '1n',
    validate: (v) =>
      !/^\d+n?$/.test(v)
        ? 'Must be an integer, optionally followed by n.'
        : Number(v.replace('n', '')) < 1
          ? 'Must be at least 1'
          : undefined,
  },
  {
    name: 'latency',
    arg: 'MILLIS',
    doc: 'Mean network latency under normal operation, in ms',
    default: '0',
    validate: integerIn(0, 3_600_000),
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
    // Gaps between nemesis operations go up to twice the interval.
    validate: numberUpTo(Math.floor(MAX_TIMER_MS / 2000), false),
  },
  {
    name: 'availability',
    arg: 'EXPECTED',
    doc: 'The fraction of client requests which must succeed: a number from 0 to 1, or total.',
    validate: (v) =>
      v === 'total' || (DECIMAL.test(v) && Number(v) >= 0 && Number(v) <= 1)
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
    validate: integerIn(1, 10_000),
  },
  {
    name: 'max-writes-per-key',
    arg: 'INT',
    doc: 'How many writes can we perform to any single key?',
    default: '16',
    validate: integerIn(1, 1_000_000_000),
  },
  {
    name: 'key-count',
    arg: 'INT',
    doc: 'How many keys should we test at once?',
    validate: integerIn(1, 100_000),
  },
  { name: 'log-stderr', doc: 'Whether to log debugging output from nodes' },
  { name: 'log-net-send', doc: 'Log packets as they are sent' },
  { name: 'log-net-recv', doc: 'Log packets as they are received' },
  {
    name: 'test-count',
    arg: 'NUMBER',
    doc: 'How many times should we repeat a test? (the bench runs one)',
    default: '1',
    validate: integerIn(1, 1_000_000),
  },
  {
    name: 'seed',
    arg: 'N',
    doc: 'Seed for every random choice of the bench (printed at start)',
    validate: (v) =>
      /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v))
        ? undefined
        : 'Must be an integer within ±(2^53 - 1)',
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
    validate: numberUpTo(60_000, true),
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
      errors.push(`Unknown option: "${printable(word.split('=')[0])}"`);
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
      if (problem) errors.push(`Failed to validate "--${spec.name} ${printable(value)}": ${problem}`);
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
    errors.push(
      `Failed to validate "-w ${printable(workload)}": Must be one of ${knownWorkloads.join(', ')}`,
    );
  }
  const bin = get('bin');
  if (!help && bin === undefined) errors.push('Expected a --bin PATH_TO_BINARY to test');
  const nodeCount = get('node-count');
  const nodeIds = nodeCount
    ? Array.from({ length: Math.min(Number(nodeCount), MAX_NODES) }, (_, i) => `n${i}`)
    : (values.get('node') ?? get('nodes')?.split(/,\s*/) ?? ['n1', 'n2', 'n3', 'n4', 'n5']);
  if (!nodeCount) errors.push(...nodeListErrors(nodeIds));
  const concurrencyText = get('concurrency') ?? '1n';
  const concurrency = concurrencyText.endsWith('n')
    ? Number(concurrencyText.slice(0, -1)) * nodeIds.length
    : Number(concurrencyText);
  if (concurrency > MAX_CONCURRENCY) {
    errors.push(
      `Failed to validate "--concurrency ${concurrencyText}": Must come to at most ${MAX_CONCURRENCY} workers`,
    );
  }
  if (errors.length > 0) return { ok: false, errors };

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

/** An argument inside an error message: control characters escaped, long text cut, so the message is one line. */
function printable(value: string): string {
  return JSON.stringify(abbreviate(value, 80)).slice(1, -1);
}

/** What is wrong with node names given by --nodes or --node: each must be a usable, distinct node id. */
function nodeListErrors(nodeIds: readonly string[]): string[] {
  const invalid = (problem: string) =>
    `Failed to validate node names "${printable(nodeIds.join(','))}": ${problem}`;
  if (nodeIds.length > MAX_NODES) return [invalid(`at most ${MAX_NODES} nodes`)];
  const errors: string[] = [];
  const bad = nodeIds.find((id) => !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id));
  if (bad !== undefined) errors.push(invalid(`"${printable(bad)}" is not a name of letters, digits, _ . -`));
  const clientLike = nodeIds.find((id) => id.startsWith('c'));
  if (clientLike !== undefined)
    errors.push(invalid(`${printable(clientLike)} would be taken for a client (ids starting with c)`));
  const service = nodeIds.find((id) => SERVICE_IDS.includes(id));
  if (service !== undefined) errors.push(invalid(`${service} is the name of a Maelstrom service`));
  const repeated = nodeIds.find((id, i) => nodeIds.indexOf(id) !== i);
  if (repeated !== undefined) errors.push(invalid(`${printable(repeated)} is given twice`));
  return errors;
}

export function usage(): string {
  const lines = TEST_OPTIONS.map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.arg ? ` ${s.arg}` : ''}`;
    return `  ${flag.padEnd(36)} ${s.doc}${s.default !== undefined ? ` (default: ${s.default})` : ''}`;
  });
  return ['Usage: glomers-bench test [OPTIONS ...] [-- args for the node binary]', '', ...lines].join('\n');
}
