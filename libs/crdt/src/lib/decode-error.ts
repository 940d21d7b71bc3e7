/** Which encoding a {@link CrdtDecodeError} was raised for. */
export type CrdtKind = 'g-set' | 'g-counter' | 'pn-counter' | 'lww-register' | 'version-vector';

/**
 * Thrown by every `fromJSON` when its input is not a valid encoding. `fromJSON` either returns a complete value or
 * throws this error; it never returns part of its input.
 */
export class CrdtDecodeError extends Error {
  override readonly name = 'CrdtDecodeError';

  constructor(
    /** The CRDT whose encoding was being read. */
    readonly crdt: CrdtKind,
    /** Where in the input the problem is, as a JSONPath-like string such as `$.p.n1` or `$[3]`. */
    readonly path: string,
    /** What is wrong at `path`. */
    readonly problem: string,
  ) {
    super(`invalid ${crdt} JSON at ${path}: ${problem}`);
  }
}
