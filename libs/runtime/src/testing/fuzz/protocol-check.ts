import { isPlainObject } from '@glomers/protocol';

/** Longest error `text` a node should send: enough for a reason, too short for a stack trace or echoed input. */
export const MAX_ERROR_TEXT = 300;

const ENVELOPE_KEYS = new Set(['src', 'dest', 'body', 'id']);

/**
 * What is wrong with a line a node wrote, as Maelstrom would see it, or undefined when it is protocol JSON: one JSON
 * object with `src` (the node's id), `dest` and an object `body` with a string `type`; integer `msg_id` and
 * `in_reply_to` (an exact integer beyond 2^53 is allowed in `in_reply_to`, answering such a msg_id); error replies
 * with an integer `code` and a short one-line `text`.
 */
export function protocolProblem(line: string, nodeId: string): string | undefined {
  if (line.includes('\n')) return 'the line contains a newline';
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!isPlainObject(message)) return 'not a JSON object';
  for (const key of Object.keys(message))
    if (!ENVELOPE_KEYS.has(key)) return `unexpected envelope key ${key}`;
  const { src, dest, body, id } = message;
  if (src !== nodeId) return `src is ${JSON.stringify(src)}, not the node's id`;
  if (typeof dest !== 'string') return 'dest is not a string';
  if (id !== undefined && !Number.isSafeInteger(id)) return 'id is not an integer';
  if (!isPlainObject(body)) return 'body is not an object';
  if (typeof body['type'] !== 'string') return 'body.type is not a string';
  if (body['msg_id'] !== undefined && !Number.isSafeInteger(body['msg_id']))
    return 'msg_id is not an integer';
  const inReplyTo = body['in_reply_to'];
  if (inReplyTo !== undefined && !Number.isSafeInteger(inReplyTo) && exactInReplyTo(line) === undefined)
    return 'in_reply_to is not an integer';
  if (body['type'] === 'error') {
    if (!Number.isInteger(body['code'])) return 'error code is not an integer';
    const text = body['text'];
    if (
      text !== undefined &&
      (typeof text !== 'string' || text.includes('\n') || text.length > MAX_ERROR_TEXT)
    )
      return `error text is not one short line: ${JSON.stringify(text).slice(0, 200)}`;
  }
  return undefined;
}

/** The exact digits of a reply's `in_reply_to` (JSON.parse rounds beyond 2^53); the runtime writes it last. */
export function exactInReplyTo(line: string): string | undefined {
  return /"in_reply_to":(-?\d+)\}\}$/.exec(line)?.[1];
}
