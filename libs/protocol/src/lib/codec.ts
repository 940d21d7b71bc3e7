import { abbreviate, isPlainObject } from './json';
import { nestsDeeperThan, scanEnvelope } from './json-scan';
import type { Body, Message } from './message';
import { workloadRequestShape } from './schemas';
import { shapeError, type Shape } from './shape';

/**
 * Where an error reply can go when a line was understood well enough to know its sender and msg_id. `msgId` is a
 * bigint when the request's msg_id is an integer beyond 2^53, which a number cannot hold exactly.
 */
export interface ReplyAddress {
  readonly src: string;
  readonly dest: string;
  readonly msgId: number | bigint;
}

export interface DecodeError {
  readonly reason: string;
  readonly line: string;
  readonly replyTo?: ReplyAddress;
}

export type DecodeResult =
  { readonly ok: true; readonly message: Message } | { readonly ok: false; readonly error: DecodeError };

const ENVELOPE_KEYS = new Set(['src', 'dest', 'body', 'id']);

/**
 * The deepest nesting a message may have, the envelope object counting as level 1 (Maelstrom's messages nest at
 * most 5 levels). Deeper lines are rejected unparsed: every value a node holds can then be encoded again without
 * exhausting the stack, and a hostile line cannot make the node build millions of nested arrays.
 */
export const MAX_MESSAGE_DEPTH = 256;

function failure(line: string, reason: string, replyTo?: ReplyAddress): DecodeResult {
  return { ok: false, error: replyTo ? { reason, line, replyTo } : { reason, line } };
}

/**
 * Parses one line into a message with a valid envelope and valid reserved body fields; a request of a known
 * workload type is also checked against its shape. `extraShapes` adds shapes for node-specific types.
 * Never throws.
 */
export function decodeLine(line: string, extraShapes?: ReadonlyMap<string, Shape>): DecodeResult {
  // Nesting deeper than the limit needs two characters per level: short lines need no scan.
  if (line.length > 2 * MAX_MESSAGE_DEPTH && nestsDeeperThan(line, MAX_MESSAGE_DEPTH)) {
    return failure(line, `nested deeper than ${MAX_MESSAGE_DEPTH} levels`, scannedReplyAddress(line));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return failure(line, `not JSON: ${(e as Error).message}`);
  }
  if (!isPlainObject(parsed)) return failure(line, 'a message must be a JSON object');
  const { src, dest, body, id } = parsed;
  const msgId = isPlainObject(body) ? body['msg_id'] : undefined;
  if (Number.isInteger(msgId) && !Number.isSafeInteger(msgId)) {
    return failure(line, "body field 'msg_id' is beyond 2^53 - 1", scannedReplyAddress(line));
  }
  const replyTo =
    typeof src === 'string' && Number.isSafeInteger(msgId)
      ? { src: typeof dest === 'string' ? dest : '', dest: src, msgId: msgId as number }
      : undefined;
  if (typeof src !== 'string') return failure(line, "envelope field 'src' must be a string", replyTo);
  if (typeof dest !== 'string') return failure(line, "envelope field 'dest' must be a string", replyTo);
  if (!isPlainObject(body)) return failure(line, "envelope field 'body' must be an object", replyTo);
  if (id !== undefined && !Number.isSafeInteger(id))
    return failure(line, "envelope field 'id' must be an integer");
  for (const key in parsed) {
    if (!ENVELOPE_KEYS.has(key))
      return failure(line, `unexpected envelope field '${abbreviate(key)}'`, replyTo);
  }
  const reason = bodyError(body, extraShapes);
  if (reason !== undefined) return failure(line, reason, replyTo);
  return { ok: true, message: parsed as unknown as Message };
}

/** The reply address of a line that was not (or not exactly) parsed, read from its text. */
function scannedReplyAddress(line: string): ReplyAddress | undefined {
  const { src, dest, msgIdText } = scanEnvelope(line);
  if (src === undefined || msgIdText === undefined || !/^-?\d+$/.test(msgIdText)) return undefined;
  const msgId = BigInt(msgIdText);
  return {
    src: dest ?? '',
    dest: src,
    msgId: msgId >= Number.MIN_SAFE_INTEGER && msgId <= Number.MAX_SAFE_INTEGER ? Number(msgId) : msgId,
  };
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
function encodeWithField(
  src: string,
  dest: string,
  body: object,
  field: string,
  value: number | bigint,
): string {
  const bodyJson = JSON.stringify(body);
  const fieldJson = `"${field}":${value}}`;
  const splice = bodyJson.length > 2 ? `${bodyJson.slice(0, -1)},${fieldJson}` : `{${fieldJson}`;
  return `{"src":${JSON.stringify(src)},"dest":${JSON.stringify(dest)},"body":${splice}}`;
}

/** Encodes a reply: `body` plus `in_reply_to` (a bigint keeps a msg_id beyond 2^53 exact). */
export function encodeReply(src: string, dest: string, body: object, inReplyTo: number | bigint): string {
  return encodeWithField(src, dest, body, 'in_reply_to', inReplyTo);
}

/** Encodes a request: `body` plus `msg_id`. */
export function encodeRequest(src: string, dest: string, body: object, msgId: number): string {
  return encodeWithField(src, dest, body, 'msg_id', msgId);
}

export function isReply(body: Body): boolean {
  return body.in_reply_to !== undefined && body.in_reply_to !== null;
}
