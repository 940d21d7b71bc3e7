/**
 * The contract between the bench's runner and each workload (echo, unique-ids, broadcast, g-counter, pn-counter,
 * kafka, txn-rw-register). A workload is plain data plus four factories: a main-phase generator, a client, an
 * optional setup and final phase, and a checker. The runner owns everything else: processes, network, release
 * clock, time limit, nemesis, client ids and msg_ids, timeouts, the outcome table, history and statistics.
 *
 * How the runner uses a workload (Jepsen/Maelstrom semantics, reference §1.5, §1.6, §4):
 * 1. Setup: if `setup` is given, it runs once per node over a fresh setup client (ids cN after the N init clients).
 * 2. Main phase: ONE global release clock. Each release happens a uniform [0, 2/rate) s after the previous one and
 *    only when some worker is free (workers are synchronous); the runner picks the free worker (Jepsen's rotating
 *    choice), then asks `generator.next(ctx)` for that worker's op. Ops are never queued per worker. The phase
 *    stops `--time-limit` s after the first op; in-flight ops complete.
 * 3. Every op goes through the worker's `WorkloadClient.invoke`. Its result or the error it throws is mapped by
 *    the runner with `outcomeOf` (§1.6 table). After an `info` completion the worker's process number becomes
 *    process + concurrency and, unless `reusableClient`, its client is closed and a new one (new cN) is opened.
 * 4. Final phase (if `final`): after in-flight ops, the partition is healed, the runner logs "Waiting for
 *    recovery..." and sleeps 10 s, then every worker runs its own `final.generator(thread)` to exhaustion,
 *    without rate limiting, all workers in parallel, the whole phase capped at `final.timeLimitS` if set.
 * 5. `check(history, ctx)` returns the `workload` entry of results.json.
 */
import type { Clock, Random } from '@glomers/sim';
import type { CheckResult, History, Op } from './history';
import type { RpcConnection } from './rpc';

/** The parsed `test` options a workload may read (Maelstrom's names, camel-cased). */
export interface TestOptions {
  readonly workload: string;
  /** Server node ids, n0 … n(N-1) (n1 … n5 without --node-count). */
  readonly nodeIds: readonly string[];
  /** Worker count (--concurrency, `kn` already multiplied out). */
  readonly concurrency: number;
  /** Target ops/s, global. */
  readonly rate: number;
  readonly timeLimitS: number;
  /** --topology: line, grid, tree, tree2, tree3, tree4, total. */
  readonly topology: string;
  /** --availability: 'total', a fraction, or undefined (no requirement). */
  readonly availability: 'total' | number | undefined;
  /** --consistency-models, e.g. ['strict-serializable']. */
  readonly consistencyModels: readonly string[];
  readonly maxTxnLength: number;
  readonly maxWritesPerKey: number;
  /** --key-count, undefined when not given (workloads then use their own default). */
  readonly keyCount: number | undefined;
  /** --nemesis faults, e.g. ['partition']. */
  readonly nemesis: readonly string[];
}

/** What the runner tells a generator when it asks for an op. */
export interface GenContext {
  /** Nanoseconds since the start of the test. */
  readonly time: number;
  /** The free worker thread the op will run on, 0 … concurrency-1. */
  readonly thread: number;
  /** That worker's current process number (thread, thread + concurrency, … after info ops). */
  readonly process: number;
}

/** One op as a generator produces it; the runner adds index, time, process and type. */
export interface GeneratedOp {
  readonly f: string;
  readonly value: unknown;
  /** Marks final-phase ops (Maelstrom's `:final? true`). */
  readonly final?: boolean;
  /** Extra op fields kept in the history, e.g. kafka's `{ 'seek-to-beginning?': true }`. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Final phase only: wait this long before invoking (e.g. kafka's poll gaps). Ignored in the main phase. */
  readonly delayMs?: number;
}

/**
 * A stream of ops. Pure of I/O; all randomness from the `random` it was created with, so a seed fixes it.
 * `next` returns undefined once the stream is exhausted (it must then stay exhausted).
 */
export interface OpGenerator {
  next(ctx: GenContext): GeneratedOp | undefined;
  /** Told about every history event (invocations and completions) as it is recorded, like Jepsen's `update`. */
  update?(event: Op): void;
}

export interface WorkloadContext {
  readonly options: TestOptions;
  /** A seeded stream for this use only (the runner derives one per generator/client from --seed). */
  readonly random: Random;
}

/** The value an `invoke` completes with; the runner turns it into the completion event. */
export interface Completion {
  readonly type: 'ok' | 'fail' | 'info';
  /** Defaults to the invocation's value. */
  readonly value?: unknown;
  readonly error?: unknown;
}

/** The op a client is asked to perform: the invocation event as recorded. */
export type Invocation = Op & { readonly type: 'invoke' };

/**
 * A per-worker client. It may keep state (kafka's local offsets). `invoke` returns a completion or throws the
 * connection's errors (RpcTimeout, RpcErrorReply, MalformedReply) or any other Error; the runner maps what it
 * throws with the §1.6 outcome table, so clients only write the success path (and explicit `info` like kafka's
 * crash, which needs no RPC).
 */
export interface WorkloadClient {
  invoke(op: Invocation): Promise<Completion>;
}

export interface ClientContext extends WorkloadContext {
  /** A fresh connection (new cN) bound to node `nodeIds[thread mod N]`. */
  readonly conn: RpcConnection;
  readonly thread: number;
}

export interface SetupContext extends WorkloadContext {
  /** A fresh setup connection bound to `conn.node`; it stays registered until teardown. */
  readonly conn: RpcConnection;
}

export interface CheckContext {
  readonly options: TestOptions;
  /** Wall time, for search budgets that Maelstrom measures in wall time (Elle's cycle-search timeout). */
  readonly clock?: Clock;
  /** This run's store folder, for checkers that write extra files (plots, elle/…). */
  readonly storeDir: string | undefined;
}

export interface FinalPhase {
  /** One generator per worker thread; each runs to exhaustion on its worker's client. */
  generator(ctx: WorkloadContext & { readonly thread: number }): OpGenerator;
  /** Caps the whole final phase, in seconds (kafka: 10). */
  readonly timeLimitS?: number;
}

export interface Workload {
  /** The -w name, e.g. 'echo', 'unique-ids', 'g-counter', 'txn-rw-register'. */
  readonly name: string;
  /** The TestOptions fields this workload reads besides nodeIds/concurrency (documentation and --help). */
  readonly reads: readonly (keyof TestOptions)[];
  /** The `f`s whose errors and timeouts are `fail` rather than `info` (§1.6): broadcast {read}, kafka {assign}. */
  readonly idempotent: ReadonlySet<string>;
  /** True when every error and timeout becomes `info` with an exception (g-counter, pn-counter: no with-errors). */
  readonly errorsAreInfo?: boolean;
  /** True when a client survives an `info` op (unique-ids, txn-rw-register); false: a new cN after each info. */
  readonly reusableClient: boolean;
  /** The main-phase op stream (one for the whole test; the runner chooses the worker). */
  generator(ctx: WorkloadContext): OpGenerator;
  client(ctx: ClientContext): WorkloadClient;
  /** Runs once per node before the main phase (broadcast: send `topology`). A throw aborts the run (exit 255). */
  setup?(ctx: SetupContext): Promise<void>;
  final?: FinalPhase;
  check(history: History, ctx: CheckContext): CheckResult | Promise<CheckResult>;
}
