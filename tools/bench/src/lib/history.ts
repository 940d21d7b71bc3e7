/**
 * A test history, as Jepsen/Maelstrom records it: invocations and completions are separate events. This is the
 * contract between the bench's runner (which records it) and every checker (which reads it).
 *
 * Values use JSON shapes of Maelstrom's EDN values: keywords become strings (`:r` → "r"), vectors become arrays,
 * maps become objects with string keys, `nil` becomes null.
 */
export type OpType = 'invoke' | 'ok' | 'fail' | 'info';

export interface Op<V = unknown> {
  /** Position in the history, 0-based, strictly increasing. */
  readonly index: number;
  /** Nanoseconds since the start of the test (relative time, as Jepsen's `:time`). */
  readonly time: number;
  /** Worker process number, or 'nemesis'. A process that completed with `info` never invokes again. */
  readonly process: number | 'nemesis';
  readonly type: OpType;
  /** The operation's function, e.g. 'broadcast', 'read', 'add', 'send', 'poll', 'txn', 'start-partition'. */
  readonly f: string;
  readonly value: V;
  /** Error of a failed or indeterminate op, e.g. ['net-timeout'] or [12, 'malformed request']. */
  readonly error?: unknown;
  /** True for ops of a workload's final phase (Maelstrom's `:final? true`). */
  readonly final?: boolean;
  /** Set on `info` ops caused by an exception (malformed reply, …): its description. */
  readonly exception?: string;
  /** Other op fields a workload keeps, e.g. kafka's `{ 'seek-to-beginning?': true }`. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export type History = readonly Op[];

/** A checker verdict: Jepsen's `:valid?` (true, false or :unknown). */
export type Validity = true | false | 'unknown';

/** A checker's result, keyed as Maelstrom's results.edn is (keywords without the colon: `valid?`, `lost-count`…). */
export interface CheckResult {
  readonly 'valid?': Validity;
  readonly [key: string]: unknown;
}

/** Jepsen's merge of validities: false beats unknown beats true. */
export function mergeValidity(validities: readonly Validity[]): Validity {
  if (validities.includes(false)) return false;
  if (validities.includes('unknown')) return 'unknown';
  return true;
}

/** Pairs each invocation with its completion (same process, next event of that process), in invocation order. */
export function pairOps<V>(history: readonly Op<V>[]): Array<{ invoke: Op<V>; complete: Op<V> | undefined }> {
  const open = new Map<Op['process'], number>();
  const pairs: Array<{ invoke: Op<V>; complete: Op<V> | undefined }> = [];
  for (const op of history) {
    if (op.type === 'invoke') {
      open.set(op.process, pairs.length);
      pairs.push({ invoke: op, complete: undefined });
    } else {
      const at = open.get(op.process);
      if (at !== undefined) {
        pairs[at].complete = op;
        open.delete(op.process);
      }
    }
  }
  return pairs;
}
