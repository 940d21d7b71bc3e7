import { GCounter, type GCounterJson } from '@glomers/crdt';
import type { AddOk, CounterReadOk } from '@glomers/protocol';
import { ErrorCode, type Json } from '@glomers/protocol';
import { isRpcError, KvClient, RpcError, type Node, type NodeProgram } from '@glomers/runtime';
import { injectable } from 'inversify';

/** The seq-kv key holding the shared G-Counter: one slot per node, each written only by its node. */
export const COUNTER_KEY = 'g-counter';

interface PendingAdd {
  readonly delta: number;
  readonly done: (error?: unknown) => void;
}

/**
 * Grow-only counter (challenge 4), stateless: the count lives in seq-kv as a G-Counter. A node adds to its own slot
 * with read + cas, retrying on conflict; adds that arrive while a cas is in flight are summed into the next one.
 * The count never passes 2^53 - 1 (where JSON numbers start to round): an add that would take it past is refused
 * with error 12, and nothing of it is stored.
 */
@injectable()
export class GrowOnlyCounterProgram implements NodeProgram {
  private kv!: KvClient;
  private node!: Node;
  private queue: PendingAdd[] = [];
  private committing = false;
  private barriers = 0;

  register(node: Node): void {
    this.node = node;
    this.kv = new KvClient(node, 'seq-kv', { timeoutMs: 1000 });
    node.handle('add', async (request): Promise<AddOk> => {
      const { delta } = request.body;
      if (delta < 0)
        throw new RpcError(ErrorCode.MalformedRequest, `a grow-only counter cannot add ${delta}`);
      if (delta > 0) await this.add(delta);
      return { type: 'add_ok' };
    });
    node.handle('read', async (): Promise<CounterReadOk> => ({ type: 'read_ok', value: await this.read() }));
  }

  /**
   * seq-kv may answer a read from any state since this node's last one, so a plain read can be stale. Writing a
   * fresh value to this node's own scratch key first moves the node to seq-kv's newest state; the read that follows
   * sees every add acknowledged before it began, which makes the final reads after the partition heals exact.
   */
  private async read(): Promise<number> {
    await this.kv.write(`barrier-${this.node.id}`, ++this.barriers);
    const stored = await this.load();
    return GCounter.value(stored.counter);
  }

  private add(delta: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delta, done: (error) => (error === undefined ? resolve() : reject(error)) });
      void this.commitQueued();
    });
  }

  private async commitQueued(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    while (this.queue.length > 0) await this.commitBatch(this.queue.splice(0));
    this.committing = false;
  }

  /** One update for the whole batch; when its sum does not fit the counter, each add is tried on its own. */
  private async commitBatch(batch: readonly PendingAdd[]): Promise<void> {
    try {
      await this.addToOwnSlot(batch.reduce((sum, add) => sum + add.delta, 0));
      for (const add of batch) add.done();
    } catch (error) {
      if (batch.length > 1 && isRpcError(error, ErrorCode.MalformedRequest)) {
        for (const add of batch) await this.commitBatch([add]);
        return;
      }
      for (const add of batch) add.done(error);
    }
  }

  /**
   * Only this node writes its slot and it commits one batch at a time, so the slot reaching `target` proves the
   * cas took effect, even when its reply was lost to a timeout.
   */
  private async addToOwnSlot(delta: number): Promise<void> {
    let target: number | undefined;
    for (;;) {
      const stored = await this.load();
      const slot = GCounter.get(stored.counter, this.node.id);
      target ??= slot + delta;
      if (slot >= target) return;
      if (!Number.isSafeInteger(GCounter.value(stored.counter) + (target - slot))) {
        throw RpcError.malformed(
          `adding ${delta} would take the count past 2^53 - 1, beyond exact JSON integers`,
        );
      }
      const next = GCounter.increment(stored.counter, this.node.id, target - slot);
      try {
        await this.kv.cas(
          COUNTER_KEY,
          stored.json ?? {},
          GCounter.toJSON(next) as Json,
          stored.json === undefined,
        );
        return;
      } catch (error) {
        const retry =
          isRpcError(error, ErrorCode.PreconditionFailed) || isRpcError(error, ErrorCode.KeyDoesNotExist);
        if (!retry && !isRpcError(error, ErrorCode.Timeout)) throw error;
      }
    }
  }

  private async load(): Promise<{ counter: GCounter; json: GCounterJson | undefined }> {
    const json = await this.kv.readOr(COUNTER_KEY, undefined);
    if (json === undefined) return { counter: GCounter.empty(), json: undefined };
    return { counter: GCounter.fromJSON(json), json: json as GCounterJson };
  }
}
