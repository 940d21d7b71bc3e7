import { executeTxn } from './execute-txn';
import type { Key, Value } from './micro-op';

const committed = (entries: [Key, Value][]) => {
  const map = new Map(entries);
  return (key: Key) => map.get(key) ?? null;
};

describe('executeTxn', () => {
  it('fills reads from the committed state, null for missing keys', () => {
    const { completed } = executeTxn(
      [
        ['r', 1, null],
        ['r', 2, null],
      ],
      committed([[1, 7]]),
    );
    expect(completed).toEqual([
      ['r', 1, 7],
      ['r', 2, null],
    ]);
  });

  it("lets a read see the transaction's own earlier write, and only an earlier one", () => {
    const { completed } = executeTxn(
      [
        ['r', 1, null],
        ['w', 1, 8],
        ['r', 1, null],
        ['w', 1, 9],
        ['r', 1, null],
      ],
      committed([[1, 7]]),
    );
    expect(completed).toEqual([
      ['r', 1, 7],
      ['w', 1, 8],
      ['r', 1, 8],
      ['w', 1, 9],
      ['r', 1, 9],
    ]);
  });

  it('yields only the last write per key', () => {
    const { writes } = executeTxn(
      [
        ['w', 1, 1],
        ['w', 2, 5],
        ['w', 1, 2],
      ],
      committed([]),
    );
    expect([...writes]).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });

  it('echoes writes unchanged and yields no writes for a read-only transaction', () => {
    const txn = [['r', 3, null]] as const;
    const { writes } = executeTxn(txn, committed([[3, 1]]));
    expect(writes.size).toBe(0);
    expect(executeTxn([['w', 4, 4]], committed([])).completed).toEqual([['w', 4, 4]]);
  });
});
