import type { Scheduler } from '../lib/ports';
import { envelopeJson, type Envelope, type Network } from './network';
import { sendNodeOutput } from './node-output';

export interface NetworkTransportOptions {
  /** The node's id on the network. */
  readonly id: string;
  readonly network: Network;
  readonly scheduler: Scheduler;
  /**
   * Simulated time from a message's arrival at the node to its handler, in ms: what crossing a process boundary
   * costs (pipe, parse, an event-loop turn). Every message takes the same, so they keep their order; it does not
   * occupy the node, so messages do not queue behind each other. 0 hands each over at the instant it arrives.
   */
  readonly processingMs?: number;
  /** A line Maelstrom would reject; as Maelstrom does, nothing the node writes afterwards is read. */
  readonly onInvalidOutput?: (line: string, reason: string) => void;
}

/**
 * A node's stdin and stdout inside a simulated network, shaped as the runtime's Transport port: the network's
 * messages arrive as envelope lines, lines written are validated and sent as Maelstrom's process loop does.
 * Messages are always handed over from a timer, never inside the sender's call, as a pipe would.
 */
export class NetworkTransport {
  private onLine: ((line: string) => void) | undefined;
  private onClose: (() => void) | undefined;
  private muted = false;
  private closed = false;

  constructor(private readonly options: NetworkTransportOptions) {}

  start(onLine: (line: string) => void, onClose: () => void): void {
    this.onLine = onLine;
    this.onClose = onClose;
    this.options.network.register(this.options.id, (message) => this.receive(message));
  }

  write(line: string): void {
    if (this.muted || this.closed) return;
    const problem = sendNodeOutput(this.options.network, line);
    if (problem === undefined) return;
    this.muted = true;
    this.options.onInvalidOutput?.(line, problem);
  }

  /** Leaves the network and tells the node its input ended (stdin closed). */
  close(): void {
    if (this.closed) return;
    this.leave();
    this.onClose?.();
  }

  /** Leaves the network without a word to the node, as a killed process does: nothing arrives, nothing is sent. */
  leave(): void {
    this.closed = true;
    this.options.network.unregister(this.options.id);
  }

  private receive(message: Envelope): void {
    const line = envelopeJson(message);
    this.options.scheduler.setTimeout(() => {
      if (!this.closed) this.onLine?.(line);
    }, this.options.processingMs ?? 0);
  }
}
