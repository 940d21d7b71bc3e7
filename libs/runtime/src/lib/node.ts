import {
  decodeLine,
  encodeMessage,
  encodeReply,
  encodeRequest,
  ErrorCode,
  type Body,
  type DecodeError,
  type ErrorBody,
  type InitRequest,
  type Message,
  type Shape,
  type WorkloadRequests,
} from '@glomers/protocol';
import { inject, injectable } from 'inversify';
import { RpcError, RpcTimeoutError } from './errors';
import { PORTS, type Cancel, type Logger, type Scheduler, type Transport } from './ports';

/** A body a node sends; the node fills in `msg_id` (rpc) or `in_reply_to` (reply). */
export interface OutgoingBody {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * Handles one request. A returned body is sent as the reply; `undefined` sends nothing (the handler may reply
 * later with `node.reply`, or the message needs no reply). A thrown `RpcError` becomes an error reply with its
 * code; anything else thrown becomes error 13 (crash). The node keeps serving either way.
 */
export type MessageHandler<B extends Body = Body> = (
  request: Message<B>,
) => OutgoingBody | void | Promise<OutgoingBody | void>;

export interface RpcOptions {
  readonly timeoutMs?: number;
}

interface PendingRpc {
  readonly resolve: (body: Body) => void;
  readonly reject: (error: Error) => void;
  readonly cancelTimeout: Cancel;
}

const DEFAULT_RPC_TIMEOUT_MS = 1000;
const MAX_EARLY_MESSAGES = 100_000;

/** A Maelstrom node: registers handlers, answers requests, sends messages and awaits rpc replies. */
@injectable()
export class Node {
  private nodeId = '';
  private allNodeIds: readonly string[] = [];
  private initialized = false;
  private nextMsgId = 1;
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly shapes = new Map<string, Shape>();
  private readonly pending = new Map<number, PendingRpc>();
  private readonly initListeners: Array<() => void> = [];
  private readonly early: Message[] = [];

  constructor(
    @inject(PORTS.Transport) private readonly transport: Transport,
    @inject(PORTS.Scheduler) private readonly scheduler: Scheduler,
    @inject(PORTS.Logger) private readonly logger: Logger,
  ) {}

  /** This node's id (`n0`, …); empty until `init` arrives. */
  get id(): string {
    return this.nodeId;
  }

  /** Every node in the cluster, this one included, in Maelstrom's order. */
  get nodeIds(): readonly string[] {
    return this.allNodeIds;
  }

  /** Every node but this one. */
  get peers(): readonly string[] {
    return this.allNodeIds.filter((id) => id !== this.nodeId);
  }

  get isInitialized(): boolean {
    return this.initialized;
  }

  handle<K extends keyof WorkloadRequests>(type: K, handler: MessageHandler<WorkloadRequests[K]>): void;
  handle<B extends Body>(type: string, handler: MessageHandler<B>, shape?: Shape): void;
  handle(type: string, handler: MessageHandler, shape?: Shape): void {
    if (type === 'init') throw new Error('init is handled by the node; use onInit');
    if (this.handlers.has(type)) throw new Error(`a handler for '${type}' is already registered`);
    this.handlers.set(type, handler);
    if (shape) this.shapes.set(type, shape);
  }

  /** Runs after `init` has been answered and before any buffered early message is handled. */
  onInit(listener: () => void): void {
    this.initListeners.push(listener);
    if (this.initialized) listener();
  }

  /** Starts reading the transport. */
  start(): void {
    this.transport.start(
      (line) => this.receiveLine(line),
      () => this.close(),
    );
  }

  send(dest: string, body: OutgoingBody): void {
    this.write({ src: this.nodeId, dest, body: body as Body });
  }

  reply(request: Message, body: OutgoingBody): void {
    const msgId = request.body.msg_id;
    if (msgId === undefined) {
      this.logger.warn(`not replying ${body.type} to ${request.src}: the request had no msg_id`);
      return;
    }
    this.transport.write(encodeReply(this.nodeId, request.src, body, msgId));
  }

  /** Sends a request and resolves with its reply; rejects with `RpcError` on an error reply or a timeout. */
  rpc<R extends Body = Body>(dest: string, body: OutgoingBody, options: RpcOptions = {}): Promise<R> {
    const msgId = this.nextMsgId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    return new Promise<R>((resolve, reject) => {
      const cancelTimeout = this.scheduler.setTimeout(() => {
        this.pending.delete(msgId);
        reject(new RpcTimeoutError(dest, msgId, timeoutMs));
      }, timeoutMs);
      this.pending.set(msgId, { resolve: resolve as (body: Body) => void, reject, cancelTimeout });
      this.transport.write(encodeRequest(this.nodeId, dest, body, msgId));
    });
  }

  /** Outstanding rpcs, for tests and diagnostics. */
  get pendingRpcCount(): number {
    return this.pending.size;
  }

  receiveLine(line: string): void {
    if (line.trim() === '') return;
    const decoded = decodeLine(line, this.shapes);
    if (decoded.ok) this.receive(decoded.message);
    else this.reject(decoded.error);
  }

  private receive(message: Message): void {
    const { body } = message;
    if (body.in_reply_to !== undefined && body.in_reply_to !== null) return this.settle(message);
    if (body.type === 'init') return this.init(message as Message<InitRequest>);
    if (!this.initialized) return this.holdUntilInit(message);
    const handler = this.handlers.get(body.type);
    if (!handler) {
      this.logger.warn(`no handler for '${body.type}' from ${message.src}`);
      this.replyError(
        message,
        new RpcError(ErrorCode.NotSupported, `unsupported message type '${body.type}'`),
      );
      return;
    }
    let result: ReturnType<MessageHandler>;
    try {
      result = handler(message);
    } catch (error) {
      return this.replyError(message, error);
    }
    if (result instanceof Promise) {
      result.then(
        (reply) => reply && this.reply(message, reply),
        (error: unknown) => this.replyError(message, error),
      );
    } else if (result) {
      this.reply(message, result);
    }
  }

  private init(message: Message<InitRequest>): void {
    const { node_id, node_ids } = message.body;
    if (this.initialized) {
      this.logger.warn(`init received again from ${message.src}; keeping id ${this.nodeId}`);
      this.reply(message, { type: 'init_ok' });
      return;
    }
    this.nodeId = node_id;
    this.allNodeIds = [...node_ids];
    this.initialized = true;
    this.reply(message, { type: 'init_ok' });
    this.logger.info(`initialized as ${node_id} of ${node_ids.length} nodes`);
    for (const listener of this.initListeners) listener();
    for (const held of this.early.splice(0)) this.receive(held);
  }

  private holdUntilInit(message: Message): void {
    if (this.early.length >= MAX_EARLY_MESSAGES) {
      this.logger.warn(`dropping ${message.body.type} from ${message.src}: too many messages before init`);
      return;
    }
    this.early.push(message);
  }

  private settle(message: Message): void {
    const inReplyTo = message.body.in_reply_to as number;
    const call = this.pending.get(inReplyTo);
    if (!call) {
      this.logger.info(`dropping ${message.body.type} from ${message.src}: no rpc awaits msg ${inReplyTo}`);
      return;
    }
    this.pending.delete(inReplyTo);
    call.cancelTimeout();
    if (message.body.type === 'error') call.reject(RpcError.fromBody(message.body as ErrorBody));
    else call.resolve(message.body);
  }

  private reject(error: DecodeError): void {
    this.logger.warn(`rejected line (${error.reason}): ${error.line.slice(0, 500)}`);
    if (!error.replyTo) return;
    const { src, dest, msgId } = error.replyTo;
    const body: ErrorBody = {
      type: 'error',
      in_reply_to: msgId,
      code: ErrorCode.MalformedRequest,
      text: error.reason,
    };
    this.write({ src: this.nodeId || src, dest, body });
  }

  private replyError(request: Message, error: unknown): void {
    const rpcError = error instanceof RpcError ? error : undefined;
    if (!rpcError) this.logger.error(`handler for '${request.body.type}' failed: ${describe(error)}`);
    if (request.body.msg_id === undefined) return;
    const code = rpcError?.code ?? ErrorCode.Crash;
    const text = rpcError?.message ?? `internal error: ${describe(error)}`;
    this.reply(request, { type: 'error', code, text });
  }

  private write(message: Message): void {
    this.transport.write(encodeMessage(message));
  }

  private close(): void {
    for (const [msgId, call] of this.pending) {
      call.cancelTimeout();
      call.reject(new RpcError(ErrorCode.Crash, `input closed while msg ${msgId} awaited a reply`));
    }
    this.pending.clear();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
