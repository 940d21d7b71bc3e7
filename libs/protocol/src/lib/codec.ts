import { isPlainObject } from './json';
import type { Body, Message } from './message';
import { workloadRequestShape } from './schemas';
import { shapeError, type Shape } from './shape';

/** Where an error reply can go when a line was understood well enough to know its sender and msg_id. */
export interface ReplyAddress {
  readonly src: string;
  readonly dest: string;
  readonly msgId: number;
}

export interface DecodeError {
  readonly reason: string;
  readonly line: string;
  readonly replyTo?: ReplyAddress;
}

export type DecodeResult =
  { readonly ok: true; readonly message: Message } | { readonly ok: false; readonly error: DecodeError };

const ENVELOPE_KEYS = new Set(['src', 'dest', 'body', 'id']);

function failure(line: string, reason: string, replyTo?: ReplyAddress): DecodeResult {
  return { ok: false, error: replyTo ? { reason, line, replyTo } : { reason, line } };
}

/**
 * Parses one line into a message with a valid envelope and valid reserved body fields; a request of a known
 * workload type is also checked against its shape. `extraShapes` adds shapes for node-specific types.
 * Never throws.
 */
export function decodeLine(line: string, extraShapes?: ReadonlyMap<string, Shape>): DecodeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return failure(line, `not JSON: ${(e as Error).message}`);
  }
  if (!isPlainObject(parsed)) return failure(line, 'a message must be a JSON object');
  const { src, dest, body, id } = parsed;
  const replyTo =
    typeof src === 'string' && isPlainObject(body) && Number.isSafeInteger(body['msg_id'])
      ? { src: typeof dest === 'string' ? dest : '', dest: src, msgId: body['msg_id'] as number }
      : undefined;
  if (typeof src !== 'string') return failure(line, "envelope field 'src' must be a string", replyTo);
  if (typeof dest !== 'string') return failure(line, "envelope field 'dest' must be a string", replyTo);
  if (!isPlainObject(body)) return failure(line, "envelope field 'body' must be an object", replyTo);
  if (id !== undefined && !Number.isSafeInteger(id))
    return failure(line, "envelope field 'id' must be an integer");
  for (const key in parsed) {
    if (!ENVELOPE_KEYS.has(key)) return failure(line, `unexpected envelope field '${key}'`, replyTo);
  }
  const reason = bodyError(body, extraShapes);
  if (reason !== undefined) return failure(line, reason, replyTo);
  return { ok: true, message: parsed as unknown as Message };
}

function bodyError(
  body: Record<string, unknown>,
  extraShapes?: ReadonlyMap<string, Shape>,
): string | undefined {
  const { type, msg_id, in_reply_to } = body;
  if (typeof type !== 'string') return "body field 'type' must be a string";
  if (msg_id !== undefined && !Number.isSafeInteger(msg_id)) return "body field 'msg_id' must be an integer";
  if (in_reply_to !== undefined && in_reply_to !== null && !Number.isSafeInteger(in_reply_to)) {
    return "body field 'in_reply_to' must be an integer";
  }
  if (in_reply_to !== undefined) return undefined; // replies are checked by whoever awaits them
  const shape = extraShapes?.get(type) ?? workloadRequestShape(type);
  const problem = shape && shapeError(body, shape);
  return problem && `${type}: ${problem}`;
}

/** One message as one line of JSON (without the newline). */
export function encodeMessage(message: Message): string {
  return JSON.stringify(message);
}

/**
 * Encodes a message whose body gets one more integer field (`in_reply_to` or `msg_id`) without copying the body:
 * the field is spliced into the body's JSON, which is about twice as fast as spreading it into a new object.
 */
function encodeWithField(src: string, dest: string, body: object, field: string, value: number): string {
  const bodyJson = JSON.stringify(body);
  const fieldJson = `"${field}":${value}}`;
  const splice = bodyJson.length > 2 ? `${bodyJson.slice(0, -1)},${fieldJson}` : `{${fieldJson}`;
  return `{"src":${JSON.stringify(src)},"dest":${JSON.stringify(dest)},"body":${splice}}`;
}

/** Encodes a reply: `body` plus `in_reply_to`. */
export function encodeReply(src: string, dest: string, body: object, inReplyTo: number): string {
  return encodeWithField(src, dest, body, 'in_reply_to', inReplyTo);
}

/** Encodes a request: `body` plus `msg_id`. */
export function encodeRequest(src: string, dest: string, body: object, msgId: number): string {
  return encodeWithField(src, dest, body, 'msg_id', msgId);
}

export function isReply(body: Body): boolean {
  return body.in_reply_to !== undefined && body.in_reply_to !== null;
}
