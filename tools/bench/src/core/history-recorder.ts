import type { Op } from '../lib/history';

export type NewOp = Omit<Op, 'index' | 'time'>;

/** Appends history events with index and relative time, and tells listeners (generators) about each one. */
export class HistoryRecorder {
  readonly ops: Op[] = [];
  private readonly listeners = new Set<(op: Op) => void>();

  constructor(private readonly nowNanos: () => number) {}

  record(op: NewOp): Op {
    const recorded: Op = { index: this.ops.length, time: this.nowNanos(), ...op };
    this.ops.push(recorded);
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  listen(listener: (op: Op) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
