/**
 * The longest input line a node accepts, in bytes (newline excluded). Maelstrom's own messages are a few hundred
 * bytes and the largest a node of ours sends a peer (a 5c append of 256 entries, a full 3d gossip batch) stay far
 * below; a longer line is dropped unread, so a hostile one costs time linear in its length and bounded memory.
 */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines in time linear in its length: chunks are kept until a newline arrives and
 * joined once. A line longer than `maxBytes` is dropped as it streams in, and reported by its length.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private pending = 0;
  private overlong = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverlong: (bytes: number) => void,
    private readonly maxBytes = MAX_LINE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.add(chunk.subarray(start, newline < 0 ? chunk.length : newline));
      if (newline < 0) return;
      this.finishLine();
      start = newline + 1;
    }
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    if (this.pending > 0 || this.overlong) this.finishLine();
  }

  private add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.pending += piece.length;
    if (this.overlong) return;
    if (this.pending > this.maxBytes) {
      this.overlong = true;
      this.parts = [];
    } else {
      this.parts.push(piece);
    }
  }

  private finishLine(): void {
    const { parts, pending, overlong } = this;
    this.parts = [];
    this.pending = 0;
    this.overlong = false;
    if (overlong) this.onOverlong(pending);
    else this.onLine(parts.length === 1 ? parts[0].toString('utf8') : Buffer.concat(parts).toString('utf8'));
  }
}
