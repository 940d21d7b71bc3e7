/**
 * Reads facts from the text of a JSON line without parsing it into values: how deep it nests, and the envelope
 * fields an error reply needs. Both work on lines `JSON.parse` should not see (nested so deep that building the
 * value would stall the node) or has already rounded (an integer `msg_id` above 2^53).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** True when `text` opens more than `limit` nested arrays or objects; brackets inside strings do not count. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i) - 1;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** The top-level `src` and `dest` strings and the raw text of `body.msg_id`, where the line has them. */
export interface ScannedEnvelope {
  readonly src?: string;
  readonly dest?: string;
  readonly msgIdText?: string;
}

/**
 * Finds the envelope fields of a line that looks like a message, skipping everything nested deeper than the body
 * without reading it. The line is not validated: use this only to address an error reply to a line already
 * known to be malformed.
 */
export function scanEnvelope(text: string): ScannedEnvelope {
  const found: { src?: string; dest?: string; msgIdText?: string } = {};
  // Per depth (0 is outside the line's value): is the container there an object, and does a key come next?
  const isObject: boolean[] = [false];
  const expectKey: boolean[] = [false];
  const keyAt: Array<string | undefined> = [undefined];
  let bodyDepth = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth <= 2) {
        const value = decodeString(text.slice(i, end));
        if (expectKey[depth]) {
          keyAt[depth] = value;
          expectKey[depth] = false;
        } else if (depth === 1 && value !== undefined) {
          if (keyAt[1] === 'src') found.src = value;
          if (keyAt[1] === 'dest') found.dest = value;
        }
      }
      i = end - 1;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth <= 2) {
        isObject[depth] = c === OPEN_OBJECT;
        expectKey[depth] = c === OPEN_OBJECT;
        keyAt[depth] = undefined;
        if (depth === 2 && isObject[1] && keyAt[1] === 'body' && c === OPEN_OBJECT) bodyDepth = 2;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth === bodyDepth) bodyDepth = -1;
      depth--;
      if (depth < 0) break;
    } else if (c === COMMA) {
      if (depth <= 2) expectKey[depth] = isObject[depth];
    } else if (depth === bodyDepth && keyAt[depth] === 'msg_id' && isNumberStart(c)) {
      let end = i;
      while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
      found.msgIdText = text.slice(i, end);
      i = end - 1;
    }
  }
  return found;
}

/** The index just past the string starting at `start` (a quote), or the text's length if it never closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

function decodeString(token: string): string | undefined {
  if (token.length < 2 || !token.endsWith('"')) return undefined;
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function isNumberStart(c: number): boolean {
  return c === 0x2d || (c >= 0x30 && c <= 0x39);
}

function isNumberPart(c: number): boolean {
  return isNumberStart(c) || c === 0x2e || c === 0x2b || c === 0x65 || c === 0x45;
}
