import type { Json } from '@glomers/sim';

/** One replicated append: the term of the leader that created it, and the kafka send it carries. */
export interface ReplicatedEntry {
  readonly term: number;
  readonly key: string;
  readonly msg: Json;
}

/**
 * An immutable sequence of entries with O(1) amortised append. Versions share one buffer: a version sees only the
 * first `length` slots, and appending writes in place only when no longer version already used the next slot, so
 * no version ever observes a change (the same trick as Go slices, made safe by copying on contention).
 */
export class EntrySequence {
  static readonly empty = new EntrySequence([], 0);

  private constructor(
    private readonly buffer: ReplicatedEntry[],
    readonly length: number,
  ) {}

  static of(entries: readonly ReplicatedEntry[]): EntrySequence {
    return new EntrySequence([...entries], entries.length);
  }

  at(index: number): ReplicatedEntry {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`index ${index} outside [0, ${this.length})`);
    }
    return this.buffer[index];
  }

  /** Term of the entry before `index` (0 before the first entry). */
  termBefore(index: number): number {
    return index === 0 ? 0 : this.at(index - 1).term;
  }

  get lastTerm(): number {
    return this.termBefore(this.length);
  }

  slice(from: number, to = this.length): readonly ReplicatedEntry[] {
    return this.buffer.slice(Math.max(0, from), Math.min(to, this.length));
  }

  append(entries: readonly ReplicatedEntry[]): EntrySequence {
    if (entries.length === 0) return this;
    const owned = this.buffer.length === this.length ? this.buffer : this.buffer.slice(0, this.length);
    owned.push(...entries);
    return new EntrySequence(owned, this.length + entries.length);
  }

  /** The first `length` entries. */
  truncate(length: number): EntrySequence {
    if (length >= this.length) return this;
    return new EntrySequence(this.buffer, Math.max(0, length));
  }

  toArray(): readonly ReplicatedEntry[] {
    return this.slice(0);
  }
}
