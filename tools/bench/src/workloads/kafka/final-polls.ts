/**
 * The kafka final phase per worker (jepsen.tests.kafka `final-polls`, minus the debug-topic-partitions op that
 * Maelstrom filters out): crash (a fresh client), assign every key touched during the run with
 * `seek-to-beginning?`, then poll (`poll-ms` 1000, gaps uniform [0, 0.4) s after the previous poll's scheduled
 * time) until this worker's own ok polls reached, for every key, the highest offset known at the end of the main
 * phase. Maelstrom caps the whole phase at 10 s.
 */
import type { Random } from '@glomers/sim';
import type { Op } from '../../lib/history';
import type { GenContext, GeneratedOp, OpGenerator } from '../../lib/workload';
import { maxOffsets } from './ops';

export class FinalPolls implements OpGenerator {
  private readonly target: Map<string, number>;
  private step: 'crash' | 'assign' | 'poll' = 'crash';
  private nextPollAt: number | undefined;

  constructor(
    private readonly random: Random,
    tracked: ReadonlyMap<number, number>,
    private readonly thread: number,
    private readonly concurrency: number,
  ) {
    const keys = [...tracked.keys()].sort((a, b) => a - b);
    this.target = new Map(keys.map((k) => [String(k), tracked.get(k) ?? -1]));
  }

  next(ctx: GenContext): GeneratedOp | undefined {
    if (this.target.size === 0) return undefined;
    if (this.step === 'crash') {
      this.step = 'assign';
      return { f: 'crash', value: null };
    }
    if (this.step === 'assign') {
      this.step = 'poll';
      return { f: 'assign', value: [...this.target.keys()], extra: { 'seek-to-beginning?': true } };
    }
    const at = Math.max(this.nextPollAt ?? ctx.time, ctx.time);
    this.nextPollAt = at + Math.floor(this.random.next() * 0.4e9);
    const delayMs = (at - ctx.time) / 1e6;
    return { f: 'poll', value: [['poll']], extra: { 'poll-ms': 1000 }, ...(delayMs > 0 ? { delayMs } : {}) };
  }

  update(event: Op): void {
    if (event.type !== 'ok' || event.f !== 'poll') return;
    if (typeof event.process !== 'number' || event.process % this.concurrency !== this.thread) return;
    for (const [k, seen] of maxOffsets(event)) {
      const wanted = this.target.get(k);
      if (wanted !== undefined && wanted <= seen) this.target.delete(k);
    }
  }
}
