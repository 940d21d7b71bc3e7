import type { Op } from '../src/lib/history';
import { checkCounter, unionIntervals } from '../src/workloads/pn-counter/counter-checker';

/** [process, type, f, value, final?] — indexes and times are assigned in order. */
type Event = [number, Op['type'], string, unknown, boolean?];

function history(...events: Event[]): Op[] {
  return events.map(([process, type, f, value, final], index) => ({
    index,
    time: index * 1000,
    process,
    type,
    f,
    value,
    ...(final ? { final } : {}),
  }));
}

const add = (process: number, delta: number, outcome: Op['type']): Event[] => [
  [process, 'invoke', 'add', delta],
  [process, outcome, 'add', delta],
];
const finalRead = (process: number, value: number): Event[] => [
  [process, 'invoke', 'read', null, true],
  [process, 'ok', 'read', value, true],
];

describe('counter checker (g-counter, pn-counter)', () => {
  it('accepts final reads equal to the sum of the acknowledged adds', () => {
    const h = history(...add(0, 3, 'ok'), ...add(1, 4, 'ok'), ...finalRead(0, 7), ...finalRead(1, 7));
    expect(checkCounter(h)).toEqual({
      'valid?': true,
      errors: null,
      'final-reads': [7, 7],
      acceptable: [[7, 7]],
    });
  });

  it('rejects a final read outside the acceptable set, listing the failing read op', () => {
    const h = history(...add(0, 3, 'ok'), ...add(1, 4, 'ok'), ...finalRead(0, 7), ...finalRead(1, 3));
    const result = checkCounter(h);
    expect(result['valid?']).toBe(false);
    expect(result['errors']).toEqual([h[7]]);
    expect(result['final-reads']).toEqual([7, 3]);
    expect(result['acceptable']).toEqual([[7, 7]]);
  });

  it('widens the acceptable set with every subset of info adds, failed adds never count', () => {
    const h = history(
      ...add(0, 1, 'ok'),
      ...add(1, 2, 'info'),
      ...add(2, 10, 'info'),
      ...add(0, 100, 'fail'),
      ...finalRead(0, 13),
      ...finalRead(3, 11),
    );
    // 1 + {0, 2, 10, 12} = {1, 3, 11, 13}: 11 and 13 are fine.
    expect(checkCounter(h)).toEqual({
      'valid?': true,
      errors: null,
      'final-reads': [13, 11],
      acceptable: [
        [1, 1],
        [3, 3],
        [11, 11],
        [13, 13],
      ],
    });
  });

  it('rejects a final read that only a failed add would explain', () => {
    const h = history(...add(0, 1, 'ok'), ...add(0, 100, 'fail'), ...finalRead(0, 101));
    expect(checkCounter(h)).toMatchObject({ 'valid?': false, 'final-reads': [101], acceptable: [[1, 1]] });
  });

  it('handles negative deltas (pn-counter) and merges adjacent values into one interval', () => {
    const h = history(...add(0, -5, 'ok'), ...add(1, 1, 'info'), ...add(1, -2, 'info'), ...finalRead(0, -6));
    // −5 + {0, 1, −2, −1} = {−7, −6, −5, −4}.
    expect(checkCounter(h)).toMatchObject({ 'valid?': true, acceptable: [[-7, -4]] });
  });

  it('checks only final reads: wrong non-final reads and failed final reads are ignored', () => {
    const h = history(
      ...add(0, 2, 'ok'),
      [1, 'invoke', 'read', null],
      [1, 'ok', 'read', 999],
      [0, 'invoke', 'read', null, true],
      [0, 'info', 'read', null, true],
    );
    expect(checkCounter(h)).toEqual({
      'valid?': true,
      errors: null,
      'final-reads': [],
      acceptable: [[2, 2]],
    });
  });

  it('is valid with no ops at all, accepting only 0', () => {
    expect(checkCounter([])).toEqual({
      'valid?': true,
      errors: null,
      'final-reads': [],
      acceptable: [[0, 0]],
    });
  });
});

describe('interval union', () => {
  it('merges overlapping and adjacent integer intervals and keeps gaps', () => {
    expect(
      unionIntervals([
        [5, 6],
        [1, 2],
        [3, 3],
        [8, 9],
        [9, 12],
      ]),
    ).toEqual([
      [1, 3],
      [5, 6],
      [8, 12],
    ]);
  });
});
