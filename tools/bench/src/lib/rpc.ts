import type { Body } from '@glomers/protocol';
import { errorCodeInfo, isDefinite, isPlainObject, is, type Check } from '@glomers/protocol';

/**
 * What a workload client talks through: one Maelstrom client connection (`cN`), bound to one node. Like
 * Maelstrom's sync client it has at most one request outstanding; replies to earlier requests are discarded.
 */
export interface RpcConnection {
  /** The client id, e.g. "c7". */
  readonly id: string;
  /** The node this connection's worker is bound to (worker t talks to node t mod N). */
  readonly node: string;
  /**
   * Sends `body` (with a fresh msg_id, counting from 1 per connection) to `dest` (default: the bound node), waits
   * up to `timeoutMs` (default 5000) for the reply whose in_reply_to matches, and checks it against `reply`.
   * Throws {@link RpcTimeout}, {@link RpcErrorReply} (a `type: "error"` reply) or {@link MalformedReply}.
   */
  rpc(body: RequestBody, reply: ReplySchema, options?: { dest?: string; timeoutMs?: number }): Promise<Body>;
}

export interface RequestBody {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * A closed reply schema, as Maelstrom's `defrpc`: the reply must have exactly `type`, an integer `in_reply_to`,
 * optionally an integer `msg_id`, and the listed fields (a field whose check accepts `undefined` is optional).
 * Any other body key makes the reply malformed.
 */
export interface ReplySchema {
  readonly type: string;
  readonly fields: Readonly<Record<string, Check>>;
}

export function replySchema(type: string, fields: Readonly<Record<string, Check>> = {}): ReplySchema {
  return { type, fields };
}

/** Nothing came back in time. Maelstrom records `:error :net-timeout`. */
export class RpcTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super('Client read timeout');
    this.name = 'RpcTimeout';
  }
}

/** The node answered with `{"type":"error"}`. */
export class RpcErrorReply extends Error {
  readonly code: number;
  readonly definite: boolean;
  /** Maelstrom's error name ("crash", "key-does-not-exist", … or "unknown"). */
  readonly codeName: string;
  constructor(readonly body: Body) {
    const code = typeof body['code'] === 'number' ? body['code'] : Number.NaN;
    const name = errorCodeInfo(code)?.name ?? 'unknown';
    super(`RPC error ${String(body['code'])} (${name}): ${String(body['text'] ?? '')}`);
    this.name = 'RpcErrorReply';
    this.code = code;
    this.definite = isDefinite(code);
    this.codeName = name;
  }
}

/** The reply did not fit the closed schema (missing, mistyped or unexpected field). */
export class MalformedReply extends Error {
  constructor(
    readonly body: unknown,
    readonly problem: string,
  ) {
    super(`Malformed RPC response: ${problem}; received ${JSON.stringify(body)}`);
    this.name = 'MalformedReply';
  }
}

const int: Check = is.int;

/** Returns what is wrong with `body` under the closed `schema`, or undefined when it fits. */
export function replyProblem(body: unknown, schema: ReplySchema): string | undefined {
  if (!isPlainObject(body)) return 'body is not an object';
  if (body['type'] !== schema.type) return `type must be ${JSON.stringify(schema.type)}`;
  if (!int(body['in_reply_to'])) return "field 'in_reply_to' must be an integer";
  if (body['msg_id'] !== undefined && !int(body['msg_id'])) return "field 'msg_id' must be an integer";
  for (const [field, check] of Object.entries(schema.fields)) {
    if (!check(body[field])) {
      return body[field] === undefined
        ? `missing field '${field}' (expected ${check.expected})`
        : `field '${field}' must be ${check.expected}, got ${JSON.stringify(body[field])}`;
    }
  }
  for (const key of Object.keys(body)) {
    if (key !== 'type' && key !== 'in_reply_to' && key !== 'msg_id' && !Object.hasOwn(schema.fields, key)) {
      return `unexpected field '${key}'`;
    }
  }
  return undefined;
}
