import fc from 'fast-check';
import { KeyedLog } from './keyed-log';
import { decodeKeyedLog, encodeKeyedLog, KeyedLogDecodeError } from './keyed-log-codec';
import type { JsonValue } from './json-value';

const keyArb = fc.string({ maxLength: 4 });
const msgArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.boolean(), { maxKeys: 2 }),
);
const logArb: fc.Arbitrary<KeyedLog> = fc
  .tuple(
    fc.array(fc.tuple(keyArb, msgArb), { maxLength: 40 }),
    fc.array(fc.tuple(keyArb, fc.nat(50)), { maxLength: 10 }),
  )
  .map(([appends, commits]) => {
    let log = KeyedLog.empty();
    for (const [key, msg] of appends) log = log.append(key, msg).log;
    for (const [key, offset] of commits) log = log.commit(key, offset);
    return log;
  });

function decodeFails(text: string): KeyedLogDecodeError {
  try {
    decodeKeyedLog(text);
  } catch (error) {
    if (error instanceof KeyedLogDecodeError) return error;
    throw error;
  }
  throw new Error(`decoded without error: ${text}`);
}

describe('KeyedLog JSON', () => {
  it('round-trips every log', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const decoded = decodeKeyedLog(encodeKeyedLog(log));
        expect(decoded).toEqual(log);
        expect(encodeKeyedLog(decoded)).toBe(encodeKeyedLog(log));
      }),
    );
  });

  it('is compact: no whitespace, entries as [offset,msg] pairs', () => {
    const log = KeyedLog.empty().append('a', 5).log.append('b', 6).log.commit('a', 0);
    expect(encodeKeyedLog(log)).toBe('{"next":2,"logs":{"a":[[0,5]],"b":[[1,6]]},"committed":{"a":0}}');
  });

  it('rejects input that is not a valid log, pointing at the bad part', () => {
    const cases: Array<[string, string]> = [
      ['{', '$'],
      ['[]', '$'],
      ['{"next":-1,"logs":{},"committed":{}}', 'next'],
      ['{"next":1,"logs":[],"committed":{}}', 'logs'],
      ['{"next":1,"logs":{},"committed":{"a":"x"}}', 'committed.a'],
      ['{"next":3,"logs":{"a":[[1,5],[1,6]]},"committed":{}}', 'logs.a[1]'],
      ['{"next":3,"logs":{"a":[[2,5],[1,6]]},"committed":{}}', 'logs.a[1]'],
      ['{"next":1,"logs":{"a":[[1,5]]},"committed":{}}', 'logs.a[0]'],
      ['{"next":1,"logs":{"a":[[0.5,5]]},"committed":{}}', 'logs.a[0]'],
      ['{"next":1,"logs":{"a":[[0]]},"committed":{}}', 'logs.a[0]'],
      ['{"next":1,"logs":{},"committed":{},"extra":1}', 'extra'],
    ];
    for (const [text, path] of cases) expect(decodeFails(text).path).toBe(path);
  });

  it('rejects arbitrary corruptions of a valid encoding or decodes them to a valid log', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.string({ maxLength: 3 }), (log, at, insert) => {
        const text = encodeKeyedLog(log);
        const index = at % (text.length + 1);
        const corrupted = text.slice(0, index) + insert + text.slice(index);
        let decoded: KeyedLog;
        try {
          decoded = decodeKeyedLog(corrupted);
        } catch (error) {
          expect(error).toBeInstanceOf(KeyedLogDecodeError);
          return;
        }
        for (const entries of decoded.logs.values()) {
          entries.forEach(([offset], i) => {
            expect(offset).toBeLessThan(decoded.nextOffset);
            if (i > 0) expect(offset).toBeGreaterThan(entries[i - 1][0]);
          });
        }
      }),
    );
  });
});
