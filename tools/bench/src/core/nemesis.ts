import {
  grudgeFor,
  grudgeToJson,
  PARTITION_SHAPES,
  pick,
  sleep,
  type Network,
  type Random,
} from '@glomers/sim';
import type { HistoryRecorder } from './history-recorder';
import type { RunClock } from './run-clock';

/**
 * Maelstrom's partition nemesis (Jepsen's flip-flop): start, stop, start… a random partition shape, with uniform
 * [0, 2T) gaps, the first start at the beginning of the main phase. Each change is recorded in the history as the
 * nemesis process's pair of info ops.
 */
export class PartitionNemesis {
  /** The active partition's shape, if any (for progress lines). */
  partition: string | undefined;

  constructor(
    private readonly nodeIds: readonly string[],
    private readonly intervalS: number,
    private readonly network: Network,
    private readonly recorder: HistoryRecorder,
    private readonly clock: RunClock,
  ) {}

  async run(random: Random, cutoffMs: number): Promise<void> {
    const intervalMs = this.intervalS * 1000;
    let next = this.clock.elapsedMs();
    let starting = true;
    for (;;) {
      const at = Math.max(next, this.clock.elapsedMs());
      if (at >= cutoffMs) return;
      if (at > this.clock.elapsedMs()) await sleep(this.clock.time, at - this.clock.elapsedMs());
      if (starting) this.start(random);
      else this.stop();
      starting = !starting;
      next = at + random.next() * 2 * intervalMs;
    }
  }

  private start(random: Random): void {
    const shape = pick(random, PARTITION_SHAPES);
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'start-partition', value: shape });
    const grudge = grudgeFor(shape, this.nodeIds, random);
    this.network.partition(grudge);
    this.partition = shape;
    this.recorder.record({
      process: 'nemesis',
      type: 'info',
      f: 'start-partition',
      value: ['isolated', grudgeToJson(grudge)],
    });
  }

  /** Heals the network (also before a final phase, whatever the nemesis was doing). */
  stop(): void {
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'stop-partition', value: null });
    this.network.heal();
    this.partition = undefined;
    this.recorder.record({ process: 'nemesis', type: 'info', f: 'stop-partition', value: 'network-healed' });
  }
}
