import type { Cancel, Clock, Scheduler } from '../lib/ports';

interface Timer {
  readonly id: number;
  due: number;
  readonly periodMs: number | undefined;
  readonly callback: () => void;
}

/** Clock and scheduler on simulated time: nothing happens until `advance` moves the clock. */
export class VirtualTime implements Clock, Scheduler {
  private current = 0;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): Cancel {
    return this.add(callback, Math.max(0, delayMs), undefined);
  }

  setInterval(callback: () => void, periodMs: number): Cancel {
    return this.add(callback, Math.max(1, periodMs), Math.max(1, periodMs));
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in due order (ties in creation order). */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > end) break;
      this.current = next.due;
      if (next.periodMs === undefined) this.timers.delete(next.id);
      else next.due += next.periodMs;
      next.callback();
    }
    this.current = end;
  }

  /**
   * As `advance`, but lets promise continuations run before and after every timer, so async handlers (an rpc
   * awaited inside a handler, say) make progress as simulated time passes.
   */
  async advanceAsync(ms: number): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > end) break;
      this.advance(next.due - this.current);
      await settle();
    }
    this.current = end;
  }

  /** Fires timers until none is left or `limitMs` of simulated time has passed. */
  runUntilIdle(limitMs = 60_000): void {
    const end = this.current + limitMs;
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > end) break;
      this.advance(next.due - this.current);
    }
  }

  private add(callback: () => void, delayMs: number, periodMs: number | undefined): Cancel {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.current + delayMs, periodMs, callback });
    return () => this.timers.delete(id);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  }
}

/** Resolves once every promise continuation queued so far (and those they queue) has run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
