import fc from 'fast-check';
import { CrdtDecodeError, LwwRegister, type ValueGuard } from '../src';
import { byWriterThenValue, registers } from './arbitraries';
import { badCounts, itIsAnInflation, itIsASemilattice, itRoundTripsThroughJSON, nonObjects } from './laws';

const merge = (a: LwwRegister<number>, b: LwwRegister<number>) => LwwRegister.merge(a, b, byWriterThenValue);
const isInteger: ValueGuard<number> = (value): value is number => Number.isSafeInteger(value);
const fromJSON = (input: unknown) => LwwRegister.fromJSON(input, isInteger);

function rejection(input: unknown): CrdtDecodeError {
  try {
    fromJSON(input);
  } catch (error) {
    if (error instanceof CrdtDecodeError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('LwwRegister', () => {
  describe('laws', () => {
    itIsASemilattice(registers, merge, LwwRegister.equals);
    itIsAnInflation(
      'set',
      registers,
      registers,
      (register, write) =>
        LwwRegister.set(register, write.value, write.timestamp, write.writer, byWriterThenValue),
      merge,
      LwwRegister.equals,
    );
    itRoundTripsThroughJSON(registers, LwwRegister.toJSON, fromJSON, LwwRegister.equals);

    it('merge picks the higher timestamp, and the tie-break winner on equal timestamps', () => {
      fc.assert(
        fc.property(registers, registers, (a, b) => {
          const winner = merge(a, b);
          const loser = winner === a ? b : a;
          return (
            (winner === a || winner === b) &&
            (winner.timestamp > loser.timestamp ||
              (winner.timestamp === loser.timestamp && byWriterThenValue(winner, loser) >= 0))
          );
        }),
      );
    });

    it('set never lowers the timestamp', () => {
      fc.assert(
        fc.property(registers, registers, (register, write) => {
          const next = LwwRegister.set(
            register,
            write.value,
            write.timestamp,
            write.writer,
            byWriterThenValue,
          );
          return next.timestamp >= register.timestamp;
        }),
      );
    });
  });

  describe('examples', () => {
    it('the later write wins; the injected tie-break settles equal timestamps', () => {
      const start = LwwRegister.empty('none');
      const a = LwwRegister.set(start, 'from n1', 5, 'n1', LwwRegister.byWriter);
      const b = LwwRegister.set(start, 'from n2', 5, 'n2', LwwRegister.byWriter);
      expect(LwwRegister.value(LwwRegister.merge(a, b, LwwRegister.byWriter))).toBe('from n2');
      const lowestWriterWins = (x: LwwRegister<string>, y: LwwRegister<string>) => LwwRegister.byWriter(y, x);
      expect(LwwRegister.value(LwwRegister.merge(a, b, lowestWriterWins))).toBe('from n1');
      const later = LwwRegister.set(b, 'later', 6, 'n1', LwwRegister.byWriter);
      expect(LwwRegister.value(LwwRegister.merge(later, a, LwwRegister.byWriter))).toBe('later');
      expect(LwwRegister.set(later, 'stale', 3, 'n3', LwwRegister.byWriter)).toBe(later);
      expect(LwwRegister.toJSON(later)).toEqual({ timestamp: 6, value: 'later', writer: 'n1' });
    });

    it('rejects bad timestamps on set', () => {
      expect(() => LwwRegister.set(LwwRegister.empty(0), 1, -1, 'n1', LwwRegister.byWriter)).toThrow(
        RangeError,
      );
      expect(() => LwwRegister.set(LwwRegister.empty(0), 1, 1.5, 'n1', LwwRegister.byWriter)).toThrow(
        RangeError,
      );
    });
  });

  describe('fromJSON rejects bad input', () => {
    it('rejects anything but a plain object', () => {
      fc.assert(fc.property(nonObjects, (input) => rejection(input).path === '$'));
    });

    it('rejects a missing or extra field', () => {
      fc.assert(
        fc.property(registers, fc.constantFrom('timestamp', 'value', 'writer'), (register, missing) => {
          const input: Record<string, unknown> = { ...LwwRegister.toJSON(register) };
          delete input[missing];
          return rejection(input).problem === `missing field ${JSON.stringify(missing)}`;
        }),
      );
      fc.assert(
        fc.property(
          registers,
          fc.string().filter((k) => !['timestamp', 'value', 'writer'].includes(k)),
          (register, key) =>
            rejection({ ...LwwRegister.toJSON(register), [key]: 1 }).problem ===
            `unexpected field ${JSON.stringify(key)}`,
        ),
      );
    });

    it('reads any JSON value when no guard is given, and rejects anything else as a decode error', () => {
      const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
      const value = { a: [1, 'b', null, { c: deep }] };
      expect(LwwRegister.fromJSON({ timestamp: 1, value, writer: 'n1' }).value).toBe(value);
      for (const bad of [undefined, () => 1, NaN, new Date(0), [1, undefined], { a: 1n }]) {
        const error = (() => {
          try {
            LwwRegister.fromJSON({ timestamp: 1, value: bad, writer: 'n1' });
          } catch (thrown) {
            return thrown;
          }
          return undefined;
        })();
        expect(error).toBeInstanceOf(CrdtDecodeError);
        expect(error).toMatchObject({ path: '$.value' });
      }
    });

    it('rejects a bad timestamp, writer or value, naming the field', () => {
      fc.assert(
        fc.property(registers, badCounts, (register, bad) => {
          return rejection({ ...LwwRegister.toJSON(register), timestamp: bad }).path === '$.timestamp';
        }),
      );
      fc.assert(
        fc.property(
          registers,
          fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())),
          (register, bad) => {
            return rejection({ ...LwwRegister.toJSON(register), writer: bad }).path === '$.writer';
          },
        ),
      );
      fc.assert(
        fc.property(
          registers,
          fc.oneof(fc.string(), fc.constant(null), fc.double({ min: 0.1, max: 0.9 })),
          (register, bad) => {
            return rejection({ ...LwwRegister.toJSON(register), value: bad }).path === '$.value';
          },
        ),
      );
    });
  });
});
