import fc from 'fast-check';
import {
  append,
  commit,
  commitAll,
  committedOffset,
  emptyKeyedLog,
  lastOffset,
  readFrom,
  type KeyedLog,
  type LogEntry,
} from './keyed-log';

const keyArb = fc.constantFrom('a', 'b', 'c', '7', '__proto__');
const appendsArb = fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 60 });

function build(appends: ReadonlyArray<readonly [string, number]>): { log: KeyedLog; offsets: number[] } {
  let log = emptyKeyedLog;
  const offsets: number[] = [];
  for (const [key, msg] of appends) {
    const result = append(log, key, msg);
    log = result.log;
    offsets.push(result.offset);
  }
  return { log, offsets };
}

describe('KeyedLog', () => {
  it('gives offsets unique and strictly increasing per key', () => {
    fc.assert(
      fc.property(appendsArb, (appends) => {
        const { log } = build(appends);
        for (const entries of log.logs.values()) {
          for (let i = 1; i < entries.length; i++) expect(entries[i][0]).toBeGreaterThan(entries[i - 1][0]);
        }
        const all = [...log.logs.values()].flat().map(([offset]) => offset);
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });

  it('returns an appended message when reading from its offset', () => {
    fc.assert(
      fc.property(appendsArb, keyArb, fc.integer(), (appends, key, msg) => {
        const { log } = build(appends);
        const { log: after, offset } = append(log, key, msg);
        expect(readFrom(after, key, offset, 1)).toEqual([[offset, msg]]);
        expect(lastOffset(after, key)).toBe(offset);
      }),
    );
  });

  it('keeps every version unchanged when a later one is appended to', () => {
    fc.assert(
      fc.property(appendsArb, keyArb, (appends, key) => {
        const { log } = build(appends);
        const before = readFrom(log, key, 0, 1000);
        append(log, key, 1);
        expect(readFrom(log, key, 0, 1000)).toEqual(before);
      }),
    );
  });

  it('reads batches that never skip: consecutive reads cover exactly the key log, in order', () => {
    fc.assert(
      fc.property(
        appendsArb,
        keyArb,
        fc.nat(70),
        fc.integer({ min: 1, max: 7 }),
        (appends, key, start, batch) => {
          const { log } = build(appends);
          const expected = (log.logs.get(key) ?? []).filter(([offset]) => offset >= start);
          const seen: LogEntry[] = [];
          let from = start;
          for (;;) {
            const got = readFrom(log, key, from, batch);
            expect(got.length).toBeLessThanOrEqual(batch);
            if (got.length === 0) break;
            seen.push(...got);
            from = got[got.length - 1][0] + 1;
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it('sends messages of each key back in append order', () => {
    fc.assert(
      fc.property(appendsArb, (appends) => {
        const { log } = build(appends);
        for (const key of new Set(appends.map(([k]) => k))) {
          const msgs = readFrom(log, key, 0, 1000).map(([, msg]) => msg);
          expect(msgs).toEqual(appends.filter(([k]) => k === key).map(([, m]) => m));
        }
      }),
    );
  });

  it('never moves a committed offset backwards', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.nat(100))), (commits) => {
        let log = emptyKeyedLog;
        const highest = new Map<string, number>();
        for (const [key, offset] of commits) {
          const before = committedOffset(log, key) ?? -1;
          log = commit(log, key, offset);
          expect(committedOffset(log, key)).toBe(Math.max(before, offset));
          highest.set(key, Math.max(highest.get(key) ?? -1, offset));
        }
        for (const [key, offset] of highest) expect(committedOffset(log, key)).toBe(offset);
      }),
    );
  });

  it('reports only the keys whose commit moved', () => {
    const log = commit(emptyKeyedLog, 'a', 5);
    const { changed } = commitAll(log, [
      ['a', 3],
      ['b', 1],
      ['a', 6],
    ]);
    expect(changed).toEqual(['b', 'a']);
  });

  it('rejects bad offsets and batch sizes', () => {
    expect(() => commit(emptyKeyedLog, 'a', -1)).toThrow(RangeError);
    expect(() => commit(emptyKeyedLog, 'a', 1.5)).toThrow(RangeError);
    expect(() => readFrom(emptyKeyedLog, 'a', 0, 0)).toThrow(RangeError);
  });
});
