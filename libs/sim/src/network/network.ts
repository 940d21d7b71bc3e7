import type { Body } from '@glomers/protocol';
import type { Cancel, Clock, Scheduler } from '../lib/ports';
import { MinHeap } from '../lib/min-heap';

/** A message inside the simulated network; `id` is Maelstrom's network message id (0, 1, 2, … per run). */
export interface Envelope {
  readonly id: number;
  readonly src: string;
  readonly dest: string;
  readonly body: Body;
}

export interface JournalEvent {
  readonly type: 'send' | 'recv';
  /** Nanoseconds since the start of the run. */
  readonly time: number;
  readonly message: Envelope;
}

export type Deliver = (message: Envelope) => void;

/**
 * A message the network sent, which makes its JSON once: the line a node reads on stdin and the `message` of its
 * journal lines are the same text, and making it is much of what a message costs the bench. A private field, not
 * a WeakMap beside the message: a WeakMap entry per message cost the sim's young-generation GC about 4 %.
 */
class SentEnvelope implements Envelope {
  #json: string | undefined;

  constructor(
    readonly id: number,
    readonly src: string,
    readonly dest: string,
    readonly body: Body,
  ) {}

  get json(): string {
    return (this.#json ??= JSON.stringify(this));
  }
}

/** `JSON.stringify(message)`, made once per message the network sent. */
export function envelopeJson(message: Envelope): string {
  return message instanceof SentEnvelope ? message.json : JSON.stringify(message);
}

/** Maelstrom's client test: any id starting with `c` (§1.4). */
export function isClient(id: string): boolean {
  return id.charCodeAt(0) === 99;
}

export class UnknownEndpoint extends Error {
  constructor(
    readonly role: 'src' | 'dest',
    readonly endpoint: string,
  ) {
    super(`Invalid ${role} for message: ${JSON.stringify(endpoint)} is not registered in the network`);
    this.name = 'UnknownEndpoint';
  }
}

interface Queued {
  readonly deadline: number;
  readonly seq: number;
  readonly message: Envelope;
}

interface Endpoint {
  readonly deliver: Deliver;
  readonly queue: MinHeap<Queued>;
  /** A message taken from the queue and waiting for its deadline (head-of-line, as Maelstrom's recv! sleeps). */
  sleeping: Cancel | undefined;
  pumping: boolean;
}

export interface NetworkOptions {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Latency in ms for a message between two non-clients. */
  readonly latency: () => number;
  /** Called for every send and every delivery, in order. */
  readonly journal: (event: JournalEvent) => void;
  /** Clock reading (ms) that counts as time zero for journal timestamps. */
  readonly startMs: number;
}

/**
 * Maelstrom's simulated network (§3): one deadline-ordered queue per registered id; latency 0 whenever a client
 * is involved; partitions are a grudge (receiver → senders it drops), checked when the receiver's loop takes the
 * message off its queue, before waiting for its deadline.
 */
export class Network {
  private readonly endpoints = new Map<string, Endpoint>();
  private grudge: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  private nextId = 0;
  private nextSeq = 0;

  constructor(private readonly options: NetworkOptions) {}

  register(id: string, deliver: Deliver): void {
    this.endpoints.set(id, {
      deliver,
      queue: new MinHeap((a, b) => a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq)),
      sleeping: undefined,
      pumping: false,
    });
  }

  unregister(id: string): void {
    this.endpoints.get(id)?.sleeping?.();
    this.endpoints.delete(id);
  }

  has(id: string): boolean {
    return this.endpoints.has(id);
  }

  /** Sends a message; throws UnknownEndpoint when src or dest is not registered now. */
  send(src: string, dest: string, body: Body): Envelope {
    if (!this.endpoints.has(src)) throw new UnknownEndpoint('src', src);
    const target = this.endpoints.get(dest);
    if (!target) throw new UnknownEndpoint('dest', dest);
    const message = new SentEnvelope(this.nextId++, src, dest, body);
    const now = this.options.clock.now();
    const latency = isClient(src) || isClient(dest) ? 0 : this.options.latency();
    this.options.journal({ type: 'send', time: this.nanos(now), message });
    target.queue.push({ deadline: now + latency, seq: this.nextSeq++, message });
    this.pump(dest, target);
    return message;
  }

  /** Installs a partition: for each receiver, the senders whose messages it drops. */
  partition(grudge: ReadonlyMap<string, ReadonlySet<string>>): void {
    this.grudge = grudge;
  }

  heal(): void {
    this.grudge = new Map();
  }

  get partitioned(): boolean {
    return this.grudge.size > 0;
  }

  private pump(id: string, endpoint: Endpoint): void {
    if (endpoint.pumping || endpoint.sleeping) return;
    endpoint.pumping = true;
    try {
      for (;;) {
        const next = endpoint.queue.pop();
        if (!next) return;
        if (this.grudge.get(id)?.has(next.message.src)) continue;
        const wait = next.deadline - this.options.clock.now();
        if (wait > 0) {
          endpoint.sleeping = this.options.scheduler.setTimeout(() => {
            endpoint.sleeping = undefined;
            if (this.endpoints.get(id) !== endpoint) return;
            this.deliver(endpoint, next.message);
            this.pump(id, endpoint);
          }, wait);
          return;
        }
        this.deliver(endpoint, next.message);
        if (this.endpoints.get(id) !== endpoint) return;
      }
    } finally {
      endpoint.pumping = false;
    }
  }

  private deliver(endpoint: Endpoint, message: Envelope): void {
    this.options.journal({ type: 'recv', time: this.nanos(this.options.clock.now()), message });
    endpoint.deliver(message);
  }

  private nanos(ms: number): number {
    return Math.round((ms - this.options.startMs) * 1e6);
  }
}
