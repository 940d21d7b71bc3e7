import type { Body } from '@glomers/protocol';
import type { Cancel, Scheduler } from '@glomers/sim';
import { MalformedReply, RpcErrorReply, RpcTimeout, replyProblem } from '../lib/rpc';
import type { ReplySchema, RequestBody, RpcConnection } from '../lib/rpc';
import type { Network } from '@glomers/sim';

export const DEFAULT_RPC_TIMEOUT_MS = 5000;

interface Pending {
  readonly msgId: number;
  readonly resolve: (body: Body) => void;
  readonly reject: (error: Error) => void;
  readonly cancelTimer: Cancel;
}

/**
 * Maelstrom's synchronous client (§1.6): an id `cN` registered on the network, msg_ids 1, 2, … , at most one
 * request outstanding; anything delivered that is not the awaited reply is discarded.
 */
export class ClientConnection implements RpcConnection {
  private nextMsgId = 1;
  private pending: Pending | undefined;
  private closed = false;

  constructor(
    readonly id: string,
    readonly node: string,
    private readonly network: Network,
    private readonly scheduler: Scheduler,
  ) {
    network.register(id, (message) => this.receive(message.body));
  }

  async rpc(
    body: RequestBody,
    reply: ReplySchema,
    options: { dest?: string; timeoutMs?: number } = {},
  ): Promise<Body> {
    const response = await this.request(body, options.dest ?? this.node, options.timeoutMs);
    if (response.type === 'error') throw new RpcErrorReply(response);
    const problem = replyProblem(response, reply);
    if (problem !== undefined) throw new MalformedReply(response, problem);
    return response;
  }

  /** Sends one request and resolves with whatever reply body arrives (error bodies included). */
  request(body: RequestBody, dest: string, timeoutMs = DEFAULT_RPC_TIMEOUT_MS): Promise<Body> {
    if (this.closed) return Promise.reject(new Error(`client ${this.id} is closed`));
    if (this.pending) return Promise.reject(new Error("Can't send more than one message at a time!"));
    const msgId = this.nextMsgId++;
    return new Promise<Body>((resolve, reject) => {
      const cancelTimer = this.scheduler.setTimeout(() => {
        this.pending = undefined;
        reject(new RpcTimeout(timeoutMs));
      }, timeoutMs);
      this.pending = { msgId, resolve, reject, cancelTimer };
      try {
        this.network.send(this.id, dest, { ...body, msg_id: msgId } as Body);
      } catch (error) {
        cancelTimer();
        this.pending = undefined;
        reject(error as Error);
      }
    });
  }

  /** Unregisters the id; later messages to it are invalid sends. */
  close(): void {
    this.closed = true;
    this.pending?.cancelTimer();
    this.pending = undefined;
    this.network.unregister(this.id);
  }

  private receive(body: Body): void {
    const pending = this.pending;
    if (!pending || body.in_reply_to !== pending.msgId) return;
    pending.cancelTimer();
    this.pending = undefined;
    pending.resolve(body);
  }
}

/** Hands out client ids c0, c1, … in opening order (init clients, setup clients, workers, replacements). */
export class ClientFactory {
  private next = 0;

  constructor(
    private readonly network: Network,
    private readonly scheduler: Scheduler,
  ) {}

  open(node: string): ClientConnection {
    return new ClientConnection(`c${this.next++}`, node, this.network, this.scheduler);
  }
}
