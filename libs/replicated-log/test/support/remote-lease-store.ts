import type { InMemoryLeaseStore, LeaseRecord, LeaseStore } from '../../src';
import type { Scheduler } from '@glomers/sim';

/**
 * One node's view of a shared linearizable register, as Maelstrom's lin-kv behaves: each request takes `latencyMs`
 * to reach the register and as long to come back, and the client gives up (rejects) after `timeoutMs`. While
 * `cut`, requests never arrive (so they time out); with `loseReplies`, they apply but the reply is lost.
 */
export class RemoteLeaseStore implements LeaseStore {
  cut = false;
  loseReplies = false;

  constructor(
    private readonly register: InMemoryLeaseStore,
    private readonly time: Scheduler,
    private readonly latencyMs = 1,
    private readonly timeoutMs = 1000,
  ) {}

  read(key: string): Promise<unknown> {
    return this.call(() => this.register.read(key));
  }

  cas(key: string, from: LeaseRecord | null, to: LeaseRecord, createIfNotExists: boolean): Promise<boolean> {
    return this.call(() => this.register.cas(key, from, to, createIfNotExists));
  }

  private call<T>(operation: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let answered = false;
      const cancelTimeout = this.time.setTimeout(() => {
        if (answered) return;
        answered = true;
        reject(new Error('timed out'));
      }, this.timeoutMs);
      if (this.cut) return;
      const loseReply = this.loseReplies;
      this.time.setTimeout(() => {
        const result = operation();
        result.catch(() => undefined);
        this.time.setTimeout(() => {
          if (answered || loseReply) return;
          answered = true;
          cancelTimeout();
          result.then(resolve, reject);
        }, this.latencyMs);
      }, this.latencyMs);
    });
  }
}
