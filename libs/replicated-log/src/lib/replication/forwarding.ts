import type { Cancel, Clock, Json, Scheduler } from '@glomers/sim';
import { AppendError } from '../append-error';
import type { EntrySequence } from './entry-sequence';
import type { ForwardedSend, Placement } from './messages';

/** How an append ended: its offset, or why there is none. */
export type AppendOutcome =
  { readonly ok: true; readonly offset: number } | { readonly ok: false; readonly error: AppendError };

export type Settle = (outcome: AppendOutcome) => void;

export interface ForwardingTiming {
  /** The leader's linger: queued sends wait up to two of them for an acknowledgement to ride on. */
  readonly lingerMs: number;
  /** A forwarded send with no answer from the leader fails (indeterminate) after this long. */
  readonly forwardTimeoutMs: number;
}

interface PendingForward {
  readonly expiresAt: number;
  readonly settle: Settle;
  /** Where the leader of `term` appended it, once told. */
  placement?: { readonly index: number; readonly term: number };
}

/**
 * The follower's side of the forwarding protocol: a client's send at a follower waits in a queue and rides to the
 * leader on the follower's next acknowledgement (`forwards`); when no append came within two lingers, the queue is
 * handed to `flush`, which sends it in an `rl_forward` of its own. The leader answers with where it appended each
 * send (`placed`, on its appends); the send settles once that index is committed here, with its offset, or fails
 * if another entry took the index, if the leader refused it (`rl_forward_error`), or if nothing was heard in time.
 */
export class Forwarding {
  private readonly pending = new Map<number, PendingForward>();
  /** Sends not yet handed to the leader. */
  private queue: ForwardedSend[] = [];
  private nextId = 1;
  private cancelFlush: Cancel | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly timing: ForwardingTiming,
    /** Hands the queued sends on when no acknowledgement took them in time. */
    private readonly flush: (sends: ForwardedSend[]) => void,
  ) {}

  /** Queues a client's send for the leader; `settle` is called once, with its offset or an error. */
  forward(key: string, msg: Json, settle: Settle): void {
    const id = this.nextId++;
    this.pending.set(id, { expiresAt: this.clock.now() + this.timing.forwardTimeoutMs, settle });
    this.queue.push([id, key, msg]);
    // A busy leader's next append (whose acknowledgement will carry this) is due within one linger; waiting
    // two covers the jitter, and costs one linger only when the leader is idle.
    this.cancelFlush ??= this.scheduler.setTimeout(() => {
      this.cancelFlush = undefined;
      const sends = this.take();
      if (sends.length > 0) this.flush(sends);
    }, 2 * this.timing.lingerMs);
  }

  /** The queued sends, for an acknowledgement to carry; the queue is then empty. */
  take(): ForwardedSend[] {
    const sends = this.queue;
    this.queue = [];
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    return sends;
  }

  /** The leader of `term` appended these forwarded sends at these indices. */
  placed(placements: readonly Placement[], term: number): void {
    for (const [id, index] of placements) {
      const pending = this.pending.get(id);
      if (pending) pending.placement = { index, term };
    }
  }

  /** Settles a forwarded send now (its error, or its offset when it was appended here after all). */
  settle(id: number, outcome: AppendOutcome): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.settle(outcome);
  }

  /** Takes a send out of forwarding, to append it here (this node became the leader meanwhile). */
  withdraw(id: number): Settle | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending?.settle;
  }

  /** Sends placed below `commitIndex` settle: with their offset if the entry there is still theirs. */
  settlePlaced(entries: EntrySequence, commitIndex: number): void {
    for (const [id, { placement }] of this.pending) {
      if (!placement || placement.index >= commitIndex) continue;
      this.settle(
        id,
        entries.at(placement.index).term === placement.term
          ? { ok: true, offset: placement.index }
          : { ok: false, error: AppendError.indeterminate('leadership changed before commit') },
      );
    }
  }

  /** Sends the leader has not answered in time fail, indeterminate (they may still be appended). */
  expire(now: number): void {
    for (const [id, { expiresAt }] of this.pending) {
      if (now >= expiresAt)
        this.settle(id, { ok: false, error: AppendError.indeterminate('leader did not answer') });
    }
  }

  stop(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
  }
}
