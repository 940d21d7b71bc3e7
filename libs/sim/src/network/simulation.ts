import { RandomStreams } from '../lib/random-streams';
import type { Random } from '../lib/ports';
import { VirtualTime } from '../lib/virtual-time';
import { completeGrudge, type Grudge } from './grudges';
import { Network, type JournalEvent } from './network';

export interface SimulationOptions {
  /** Fixes every random choice (latencies, and whatever draws from `streams`); default 42. */
  readonly seed?: number;
  /** One-way latency between non-clients in ms: a constant, or drawn per message from the 'latency' stream. */
  readonly latencyMs?: number | ((random: Random) => number);
  /** Every send and delivery, in order. */
  readonly journal?: (event: JournalEvent) => void;
}

/**
 * One virtual clock, one seed and Maelstrom's network model: what every simulated cluster is built on (the
 * runtime's test kit, the domain libraries' tests, the bench's sim engine). Endpoints join with
 * `network.register`; partitions are grudges, checked as Maelstrom checks them.
 */
export class Simulation {
  readonly time = new VirtualTime();
  readonly streams: RandomStreams;
  readonly network: Network;

  constructor(options: SimulationOptions = {}) {
    this.streams = new RandomStreams(options.seed ?? 42);
    const latency = options.latencyMs ?? 0;
    const random = this.streams.stream('latency');
    const journal = options.journal ?? (() => undefined);
    this.network = new Network({
      clock: this.time,
      scheduler: this.time,
      latency: typeof latency === 'number' ? () => latency : () => latency(random),
      journal,
      startMs: 0,
    });
  }

  /** Cuts every link between `group` and the rest of `everyone` until `heal`. */
  isolate(group: readonly string[], everyone: readonly string[]): void {
    const inside = new Set(group);
    this.partition(completeGrudge([[...inside], everyone.filter((id) => !inside.has(id))]));
  }

  /** Cuts links as `grudge` says (receiver → the senders it drops) until `heal`. */
  partition(grudge: Grudge): void {
    this.network.partition(grudge);
  }

  heal(): void {
    this.network.heal();
  }
}
