import { isPlainObject, type Body } from '@glomers/protocol';
import type { Network } from './network';
import { keepSourceText } from './source-text';

/**
 * Sends one line a node wrote to stdout into the network, as Maelstrom's parse-msg and net/send! accept it: a JSON
 * object with string `src` and `dest`, an object `body`, an optional integer `id` and no other key, between ids
 * registered now. Returns why the line was rejected, or undefined when it was sent.
 */
export function sendNodeOutput(network: Network, line: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return 'not well-formed JSON';
  }
  if (!isPlainObject(parsed)) return 'not a JSON object';
  for (const key of Object.keys(parsed)) {
    if (key !== 'src' && key !== 'dest' && key !== 'body' && key !== 'id')
      return `unexpected envelope key '${key}'`;
  }
  const { src, dest, body, id } = parsed;
  if (typeof src !== 'string') return "envelope field 'src' must be a string";
  if (typeof dest !== 'string') return "envelope field 'dest' must be a string";
  if (body === undefined) return "missing envelope field 'body'";
  if (id !== undefined && !Number.isSafeInteger(id)) return "envelope field 'id' must be an integer";
  if (!isPlainObject(body)) return "envelope field 'body' must be a JSON object";
  keepSourceText(body, line);
  try {
    network.send(src, dest, body as Body);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}
