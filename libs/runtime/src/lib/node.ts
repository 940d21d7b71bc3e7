import {
  abbreviate,
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
  readonly dest: string;
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
  private readonly peerOnly = new Set<string>();
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

  /**
   * Registers a handler for a node-to-node message type: the message is handled only when it comes from another
   * node of the cluster; from anyone else (a client id, a service) it is refused with error 10, or logged when it
   * has no msg_id.
   */
  handlePeer<B extends Body>(type: string, handler: MessageHandler<B>, shape?: Shape): void {
    this.handle(type, handler, shape);
    this.peerOnly.add(type);
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

  /** Sends a one-way message; one that cannot be encoded is dropped with an error in the log. */
  send(dest: string, body: OutgoingBody): void {
    const line = this.encode(body, () => encodeMessage({ src: this.nodeId, dest, body: body as Body }));
    if (line !== undefined) this.transport.write(line);
  }

  /** Replies to `request`; a reply that cannot be encoded is replaced by error 13. */
  reply(request: Message, body: OutgoingBody): void {
    const msgId = request.body.msg_id;
    if (msgId === undefined) {
      this.logger.warn(`not replying ${body.type} to ${request.src}: the request had no msg_id`);
      return;
    }
    this.replyTo(request.src, msgId, body);
  }

  private replyTo(dest: string, msgId: number | bigint, body: OutgoingBody): void {
    const line =
      this.encode(body, () => encodeReply(this.nodeId, dest, body, msgId)) ??
      encodeReply(this.nodeId, dest, { type: 'error', code: ErrorCode.Crash, text: UNENCODABLE }, msgId);
    this.transport.write(line);
  }

  /** Runs an encoder; a body it cannot encode (a bigint, a cycle, nesting that exhausts the stack) is logged. */
  private encode(body: OutgoingBody, encoder: () => string): string | undefined {
    try {
      return encoder();
    } catch (error) {
      this.logger.error(`cannot encode a '${String(body.type)}' message: ${describe(error)}`);
      return undefined;
    }
  }

  /** Sends a request and resolves with its reply; rejects with `RpcError` on an error reply or a timeout. */
  rpc<R extends Body = Body>(dest: string, body: OutgoingBody, options: RpcOptions = {}): Promise<R> {
    const msgId = this.nextMsgId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    const line = this.encode(body, () => encodeRequest(this.nodeId, dest, body, msgId));
    if (line === undefined) return Promise.reject(new RpcError(ErrorCode.Crash, UNENCODABLE));
    return new Promise<R>((resolve, reject) => {
      const cancelTimeout = this.scheduler.setTimeout(() => {
        this.pending.delete(msgId);
        reject(new RpcTimeoutError(dest, msgId, timeoutMs));
      }, timeoutMs);
      this.pending.set(msgId, { dest, resolve: resolve as (body: Body) => void, reject, cancelTimeout });
      this.transport.write(line);
    });
  }

  /** Outstanding rpcs, for tests and diagnostics. */
  get pendingRpcCount(): number {
    return this.pending.size;
  }

  /** Handles one input line. Never throws: whatever goes wrong is answered or logged, and the node serves on. */
  receiveLine(line: string): void {
    if (line.trim() === '') return;
    try {
      const decoded = decodeLine(line, this.shapes);
      if (decoded.ok) this.receive(decoded.message);
      else this.reject(decoded.error);
    } catch (error) {
      this.logger.error(`failed handling a line: ${describe(error)}`);
    }
  }

  private receive(message: Message): void {
    const { body } = message;
    if (body.in_reply_to !== undefined && body.in_reply_to !== null) return this.settle(message);
    if (body.type === 'init') return this.init(message as Message<InitRequest>);
    if (!this.initialized) return this.holdUntilInit(message);
    const handler = this.handlers.get(body.type);
    if (!handler) {
      this.logger.warn(`no handler for '${abbreviate(body.type)}' from ${abbreviate(message.src)}`);
      this.replyError(
        message,
        new RpcError(ErrorCode.NotSupported, `unsupported message type '${abbreviate(body.type)}'`),
      );
      return;
    }
    if (this.peerOnly.has(body.type) && !this.isPeer(message.src)) {
      this.logger.warn(
        `refusing '${body.type}' from ${abbreviate(message.src)}: it is not another node of the cluster`,
      );
      const refusal = new RpcError(
        ErrorCode.NotSupported,
        `'${body.type}' is accepted only from other nodes`,
      );
      return this.replyError(message, refusal);
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

  private isPeer(id: string): boolean {
    return id !== this.nodeId && this.allNodeIds.includes(id);
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
    for (const listener of this.initListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error(`init listener failed: ${describe(error)}`);
      }
    }
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
    if (!call || call.dest !== message.src) {
      this.logger.info(
        `dropping ${message.body.type} from ${message.src}: no rpc to ${message.src} awaits msg ${inReplyTo}`,
      );
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
    const body = { type: 'error', code: ErrorCode.MalformedRequest, text: error.reason };
    this.transport.write(encodeReply(this.nodeId || src, dest, body, msgId));
  }

  private replyError(request: Message, error: unknown): void {
    const rpcError = error instanceof RpcError ? error : undefined;
    if (!rpcError) this.logger.error(`handler for '${request.body.type}' failed: ${describe(error)}`);
    if (request.body.msg_id === undefined) return;
    const code = rpcError?.code ?? ErrorCode.Crash;
    const text = rpcError?.message ?? `internal error: ${summarize(error)}`;
    this.reply(request, { type: 'error', code, text });
  }

  private close(): void {
    for (const [msgId, call] of this.pending) {
      call.cancelTimeout();
      call.reject(new RpcError(ErrorCode.Crash, `input closed while msg ${msgId} awaited a reply`));
    }
    this.pending.clear();
  }
}

const UNENCODABLE = 'internal error: the reply could not be encoded';
const MAX_ERROR_TEXT = 200;

/** For the log: the whole story, stack included. */
function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** For an error reply: the error's name and first line only (no stack, so no file paths), capped. */
function summarize(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0];
  return line.length > MAX_ERROR_TEXT ? `${line.slice(0, MAX_ERROR_TEXT)}…` : line;
}
