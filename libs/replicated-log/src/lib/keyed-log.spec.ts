import fc from 'fast-check';
import { KeyedLog, type LogEntry } from './keyed-log';

const keyArb = fc.constantFrom('a', 'b', 'c', '7', '__proto__');
const appendsArb = fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 60 });

function build(appends: ReadonlyArray<readonly [string, number]>): { log: KeyedLog; offsets: number[] } {
  let log = KeyedLog.empty();
  const offsets: number[] = [];
  for (const [key, msg] of appends) {
    const result = log.append(key, msg);
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
        const { log: after, offset } = log.append(key, msg);
        expect(after.readFrom(key, offset, 1)).toEqual([[offset, msg]]);
        expect(after.lastOffset(key)).toBe(offset);
      }),
    );
  });

  it('keeps every version unchanged when a later one is appended to', () => {
    fc.assert(
      fc.property(appendsArb, keyArb, (appends, key) => {
        const { log } = build(appends);
        const before = log.readFrom(key, 0, 1000);
        log.append(key, 1);
        expect(log.readFrom(key, 0, 1000)).toEqual(before);
      }),
    );
  });

  it('branches: appends to an older version and to a newer one never see each other', () => {
    fc.assert(
      fc.property(appendsArb, appendsArb, keyArb, (first, second, key) => {
        const base = build(first).log;
        let newer = base;
        for (const [k, msg] of second) newer = newer.append(k, msg).log;
        const fromBase = base.append(key, -1).log;
        const fromCommitted = base.commit(key, 3).append(key, -2).log;
        const fromNewer = newer.append(key, -3).log;
        expect(fromBase.logs).toEqual(build([...first, [key, -1]]).log.logs);
        expect(fromCommitted.logs).toEqual(build([...first, [key, -2]]).log.logs);
        expect(fromNewer.logs).toEqual(build([...first, ...second, [key, -3]]).log.logs);
        expect(base.logs).toEqual(build(first).log.logs);
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
            const got = log.readFrom(key, from, batch);
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
          const msgs = log.readFrom(key, 0, 1000).map(([, msg]) => msg);
          expect(msgs).toEqual(appends.filter(([k]) => k === key).map(([, m]) => m));
        }
      }),
    );
  });

  it('never moves a committed offset backwards', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.nat(100))), (commits) => {
        let log = KeyedLog.empty();
        const highest = new Map<string, number>();
        for (const [key, offset] of commits) {
          const before = log.committedOffset(key) ?? -1;
          log = log.commit(key, offset);
          expect(log.committedOffset(key)).toBe(Math.max(before, offset));
          highest.set(key, Math.max(highest.get(key) ?? -1, offset));
        }
        for (const [key, offset] of highest) expect(log.committedOffset(key)).toBe(offset);
      }),
    );
  });

  it('reports only the keys whose commit moved', () => {
    const log = KeyedLog.empty().commit('a', 5);
    const { changed } = log.commitAll([
      ['a', 3],
      ['b', 1],
      ['a', 6],
    ]);
    expect(changed).toEqual(['b', 'a']);
  });

  it('rejects bad offsets and batch sizes', () => {
    expect(() => KeyedLog.empty().commit('a', -1)).toThrow(RangeError);
    expect(() => KeyedLog.empty().commit('a', 1.5)).toThrow(RangeError);
    expect(() => KeyedLog.empty().readFrom('a', 0, 0)).toThrow(RangeError);
  });
});
