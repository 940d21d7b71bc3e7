import { MinHeap } from './min-heap';
import type { Cancel, Clock, Scheduler } from './ports';
import { settle } from './settle';

interface Timer {
  /** Creation order: breaks ties between timers due at the same instant. */
  readonly id: number;
  due: number;
  readonly periodMs: number | undefined;
  callback: () => void;
  live: boolean;
}

const NOTHING = (): void => undefined;

/** Thrown by `drive` when the awaited work can never finish: it waits, and nothing is scheduled. */
export class SimulationStalled extends Error {
  constructor(atMs: number) {
    super(`the simulation stalled at ${atMs} ms: the run awaits something, and no timer is scheduled`);
    this.name = 'SimulationStalled';
  }
}

/**
 * Clock and scheduler on simulated time: nothing happens until the clock is moved. Timers fire in due order (ties
 * in creation order, an interval keeping its place). `advance` fires them back to back; `run`, `runUntil` and
 * `drive` also let every promise continuation run after each timer, at that timer's instant, so code that awaits
 * (an rpc reply, a sleep) makes progress exactly as simulated time passes.
 */
export class VirtualTime implements Clock, Scheduler {
  private current = 0;
  private nextId = 0;
  private liveTimers = 0;
  private readonly timers = new MinHeap<Timer>((a, b) => a.due < b.due || (a.due === b.due && a.id < b.id));

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
    return this.liveTimers;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, without waiting for promise continuations. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) this.fire(next);
    this.current = end;
  }

  /** Fires timers until none is left or `limitMs` of simulated time has passed. */
  runUntilIdle(limitMs = 60_000): void {
    const end = this.current + limitMs;
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) this.fire(next);
  }

  /** As `advance`, letting promise continuations run before and after every timer; `afterEach` runs after each. */
  async run(ms: number, afterEach?: () => void): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (let next = this.nextDue(end); next; next = this.nextDue(end)) {
      this.fire(next);
      await settle();
      afterEach?.();
    }
    this.current = end;
  }

  /** Runs until `done()` holds, checking after every timer; false if `limitMs` passed first. */
  async runUntil(done: () => boolean, limitMs: number): Promise<boolean> {
    const end = this.current + limitMs;
    await settle();
    for (;;) {
      if (done()) return true;
      const next = this.nextDue(end);
      if (!next) break;
      this.fire(next);
      await settle();
    }
    this.current = end;
    return done();
  }

  /**
   * Runs simulated time for as long as `work` is pending and resolves (or rejects) as it does. Throws
   * SimulationStalled if `work` waits while nothing is scheduled, which no amount of time can change.
   */
  async drive<T>(work: Promise<T>): Promise<T> {
    let finished = false;
    const done = work.then(
      () => (finished = true),
      () => (finished = true),
    );
    for (;;) {
      await settle();
      if (finished) break;
      const next = this.nextDue(Infinity);
      if (!next) throw new SimulationStalled(this.current);
      this.fire(next);
    }
    await done;
    return work;
  }

  private add(callback: () => void, delayMs: number, periodMs: number | undefined): Cancel {
    const timer: Timer = { id: this.nextId++, due: this.current + delayMs, periodMs, callback, live: true };
    this.timers.push(timer);
    this.liveTimers++;
    return () => {
      if (!timer.live) return;
      timer.live = false;
      // The timer stays in the heap until it surfaces, maybe long after (an rpc's 5 s timeout): its callback, and
      // all that the callback holds (a request's promise, its reply), need not live as long.
      timer.callback = NOTHING;
      this.liveTimers--;
    };
  }

  /** Takes the earliest live timer due by `end` off the heap (cancelled ones are dropped as they surface). */
  private nextDue(end: number): Timer | undefined {
    for (;;) {
      const head = this.timers.peek();
      if (!head || head.due > end) return undefined;
      this.timers.pop();
      if (head.live) return head;
    }
  }

  private fire(timer: Timer): void {
    this.current = timer.due;
    if (timer.periodMs === undefined) {
      timer.live = false;
      this.liveTimers--;
    } else {
      timer.due += timer.periodMs;
      this.timers.push(timer);
    }
    timer.callback();
  }
}
