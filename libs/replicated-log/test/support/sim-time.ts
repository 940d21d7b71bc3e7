import type { Cancel, Clock, Scheduler } from '../../src';

interface Timer {
  readonly id: number;
  due: number;
  readonly periodMs: number | undefined;
  readonly callback: () => void;
}

/**
 * Lets pending promise continuations run. Awaiting a resolved promise yields one microtask turn; the chains in
 * these tests (store reply → election → driver) are a handful of turns deep, so a fixed number suffices and is far
 * cheaper than waiting for a macrotask.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 6; turn++) await Promise.resolve();
}

/**
 * Virtual time for code that mixes timers and promises: unlike a plain fake clock, `run` lets promise
 * continuations run after each timer, at that timer's time, so an awaited reply is handled when it "arrives".
 */
export class SimTime implements Clock, Scheduler {
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

  /** Advances `ms`, firing due timers in order; `afterEach` runs after every timer (e.g. to check invariants). */
  async run(ms: number, afterEach?: () => void): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > end) break;
      this.current = next.due;
      if (next.periodMs === undefined) this.timers.delete(next.id);
      else next.due += next.periodMs;
      next.callback();
      await settle();
      afterEach?.();
    }
    this.current = end;
  }

  /** Runs until `done()` holds, checking after every timer; false if `limitMs` passed first. */
  async runUntil(done: () => boolean, limitMs: number): Promise<boolean> {
    const end = this.current + limitMs;
    while (this.current < end) {
      if (done()) return true;
      await this.run(Math.min(10, end - this.current));
    }
    return done();
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
