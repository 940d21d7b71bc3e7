import { inexactNumber, nestsDeeperThan, type Json } from '@glomers/protocol';

/**
 * The deepest a kafka `msg` may nest. Every message that carries a stored msg (a poll reply, a 5c append or
 * forward, a 5b lin-kv value) nests it at most 3 levels deeper than the send did, far within the runtime's
 * MAX_MESSAGE_DEPTH, so a stored msg can always be sent on and read back.
 */
export const MAX_MSG_DEPTH = 64;

/**
 * The largest a kafka `msg` may encode to, in UTF-8 bytes. A 5c append of 256 entries or a poll reply of
 * MAX_POLL_BATCH entries per key then stays within half the runtime's MAX_LINE_BYTES.
 */
export const MAX_MSG_BYTES = 16 * 1024;

/**
 * Why `msg` cannot be stored and returned as sent, or undefined when it can; checked before a send is acknowledged.
 * Beyond size and depth, a number JSON.parse could not keep exact (an integer beyond 2^53 - 1, `1e400`) would come
 * back changed.
 */
export function unstorableReason(msg: Json): string | undefined {
  const text = JSON.stringify(msg);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_MSG_BYTES) return `msg encodes to ${bytes} bytes; at most ${MAX_MSG_BYTES} can be stored`;
  if (nestsDeeperThan(text, MAX_MSG_DEPTH)) return `msg nests deeper than ${MAX_MSG_DEPTH} levels`;
  const inexact = inexactNumber(msg);
  if (inexact !== undefined) return `msg holds ${inexact}, a number that could not be returned exactly`;
  return undefined;
}
