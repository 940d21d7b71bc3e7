import { parseTxn } from './micro-op';

describe('parseTxn', () => {
  it('accepts reads with null and writes with integer values on integer keys', () => {
    const raw: unknown = JSON.parse('[["r",1,null],["w",1,6],["w",-2,0]]');
    expect(parseTxn(raw)).toEqual({
      ok: true,
      txn: [
        ['r', 1, null],
        ['w', 1, 6],
        ['w', -2, 0],
      ],
    });
  });

  it('accepts the empty transaction', () => {
    expect(parseTxn([])).toEqual({ ok: true, txn: [] });
  });

  it.each([
    ['not an array', { r: 1 }],
    ['wrong arity', [['r', 1]]],
    ['too many elements', [['w', 1, 2, 3]]],
    ['unknown op', [['append', 1, 2]]],
    ['non-integer key', [['r', 'x', null]]],
    ['fractional key', [['r', 1.5, null]]],
    ['non-integer write value', [['w', 1, '2']]],
    ['read carrying a value', [['r', 1, 3]]],
    [
      'a bad op after good ones',
      [
        ['w', 1, 2],
        ['r', 2, null],
        ['x', 3, null],
      ],
    ],
  ])('rejects %s', (_label, raw) => {
    const parsed = parseTxn(raw);
    expect(parsed.ok).toBe(false);
  });

  it('names the offending micro-op', () => {
    expect(
      parseTxn([
        ['w', 1, 2],
        ['w', 'k', 3],
      ]),
    ).toEqual({ ok: false, error: 'micro-op 1: key must be an integer' });
  });
});
