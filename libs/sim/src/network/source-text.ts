const SOURCE_TEXT = Symbol('glomers.sourceText');

/**
 * Remembers the line a node's message body was parsed from, for checks that need a number as written: JSON.parse
 * reads `4.0` as `4`, and rounds integers beyond 2^53, where Maelstrom keeps both exact. Hidden from enumeration
 * and JSON.stringify, so the body travels and is logged as before.
 */
export function keepSourceText(body: object, line: string): void {
  Object.defineProperty(body, SOURCE_TEXT, { value: line });
}

/** The line `body` was parsed from, when it came from a node's output. */
export function sourceTextOf(body: object): string | undefined {
  const text: unknown = (body as { readonly [SOURCE_TEXT]?: unknown })[SOURCE_TEXT];
  return typeof text === 'string' ? text : undefined;
}
