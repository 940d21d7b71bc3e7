import type { RandomStreams } from '@glomers/sim';
import type { Op } from '../lib/history';
import { outcomeOf } from '../lib/outcome';
import type { GeneratedOp, TestOptions, Workload, WorkloadClient } from '../lib/workload';
import type { ClientConnection, ClientFactory } from './client-connection';
import type { HistoryRecorder, NewOp } from './history-recorder';

/** A history event being built for the recorder, field by field. */
type OpDraft = { -readonly [K in keyof NewOp]: NewOp[K] };

/**
 * Adds a generated op's `final` and `extra` to one of its history events. Set one by one rather than spread from
 * `...(op.final ? { final: true } : {})`: those spreads were half of what recording an op cost (measured on 6b).
 */
function withOpFields<T extends Partial<OpDraft>>(event: T, op: GeneratedOp): T {
  const fields: Partial<OpDraft> = event;
  if (op.final) fields.final = true;
  if (op.extra) fields.extra = op.extra;
  return event;
}

export interface Worker {
  readonly thread: number;
  readonly node: string;
  process: number;
  busy: boolean;
  conn: ClientConnection | undefined;
  client: WorkloadClient | undefined;
  /** Set after an info op on a non-reusable client: the next invoke opens a new client. */
  replaceClient: boolean;
}

/**
 * The client threads of a run, as Jepsen's: `concurrency` workers spread over the nodes, each with one client at a
 * time, invoking one op at a time and recording it; an `info` completion retires the worker's process number.
 */
export class WorkerPool {
  readonly workers: Worker[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private cursor = 0;

  constructor(
    private readonly workload: Workload,
    private readonly options: TestOptions,
    private readonly clients: ClientFactory,
    private readonly recorder: HistoryRecorder,
    private readonly streams: RandomStreams,
  ) {}

  /** One worker per thread, thread t on node t mod n. */
  open(): void {
    const { concurrency, nodeIds } = this.options;
    for (let thread = 0; thread < concurrency; thread++) {
      const node = nodeIds[thread % nodeIds.length];
      this.workers.push({
        thread,
        node,
        process: thread,
        busy: false,
        conn: undefined,
        client: undefined,
        replaceClient: false,
      });
    }
  }

  /** Jepsen's some-free-process: the first free worker at or after a cursor that moves on every dispatch. */
  freeWorker(): Worker | undefined {
    for (let i = 0; i < this.workers.length; i++) {
      const worker = this.workers[(this.cursor + i) % this.workers.length];
      if (!worker.busy) return worker;
    }
    return undefined;
  }

  /** Settles when some op in flight completes. */
  anyDone(): Promise<void> {
    return Promise.race(this.inFlight);
  }

  /** Starts `op` on `worker` without waiting for it; the cursor moves past the worker. */
  dispatch(worker: Worker, op: GeneratedOp): void {
    this.cursor = (worker.thread + 1) % this.workers.length;
    worker.busy = true;
    const done = this.perform(worker, op).finally(() => {
      worker.busy = false;
      this.inFlight.delete(done);
    });
    this.inFlight.add(done);
  }

  /** Waits until no op is in flight, including ops dispatched meanwhile. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Teardown: waits for the ops in flight, however they end, then closes every worker's client. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const w of this.workers) w.conn?.close();
  }

  /** Invokes one op on a worker's client and records it; maps errors with the §1.6 outcome table. */
  async perform(worker: Worker, op: GeneratedOp): Promise<void> {
    const { workload, options } = this;
    if (worker.replaceClient) {
      // As Jepsen's ClientWorker: the old client is closed only when the new process invokes, so a late reply
      // that arrives in between still reaches a registered id (and is discarded).
      worker.conn?.close();
      worker.conn = undefined;
      worker.client = undefined;
      worker.replaceClient = false;
    }
    if (!worker.client) {
      const conn = this.clients.open(worker.node);
      worker.conn = conn;
      worker.client = workload.client({
        conn,
        options,
        thread: worker.thread,
        random: this.streams.stream(`client-${conn.id}`),
      });
    }
    const invoke = this.recorder.record(
      withOpFields({ process: worker.process, type: 'invoke', f: op.f, value: op.value }, op),
    ) as Op & { type: 'invoke' };
    // Keys in the order the history has always had them: process, f, final, extra, type, value, error, exception.
    const completion: Partial<OpDraft> = withOpFields({ process: invoke.process, f: invoke.f }, op);
    try {
      const result = await worker.client.invoke(invoke);
      completion.type = result.type;
      completion.value = result.value === undefined ? invoke.value : result.value;
      if (result.error !== undefined) completion.error = result.error;
    } catch (error) {
      const outcome = outcomeOf(workload, op.f, error);
      completion.type = outcome.type;
      completion.value = invoke.value;
      completion.error = outcome.error;
      if (outcome.exception !== undefined) completion.exception = outcome.exception;
    }
    // Both paths above set type and value.
    this.recorder.record(completion as NewOp);
    if (completion.type === 'info') {
      worker.process += options.concurrency;
      if (!workload.reusableClient) worker.replaceClient = true;
    }
  }
}
