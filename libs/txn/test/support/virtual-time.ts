interface Timer {
  readonly id: number;
  due: number;
  readonly periodMs: number | undefined;
  readonly callback: () => void;
}

/** Clock and scheduler on simulated time (the runtime's VirtualTime is off limits to a domain lib). */
export class VirtualTime {
  private current = 0;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): () => void {
    return this.add(callback, Math.max(0, delayMs), undefined);
  }

  setInterval(callback: () => void, periodMs: number): () => void {
    return this.add(callback, Math.max(1, periodMs), Math.max(1, periodMs));
  }

  /** Moves time forward by `ms`, firing due timers in due order (ties in creation order). */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.due > end) break;
      this.current = next.due;
      if (next.periodMs === undefined) this.timers.delete(next.id);
      else next.due += next.periodMs;
      next.callback();
    }
    this.current = end;
  }

  private add(callback: () => void, delayMs: number, periodMs: number | undefined): () => void {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.current + delayMs, periodMs, callback });
    return () => this.timers.delete(id);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (best === undefined || timer.due < best.due || (timer.due === best.due && timer.id < best.id))
        best = timer;
    }
    return best;
  }
}
