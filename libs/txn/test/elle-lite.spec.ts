import { checkHistory, type HistoryTxn } from './support/elle-lite';

const ok = (...ops: HistoryTxn['ops']): HistoryTxn => ({ status: 'ok', ops });
const fail = (...ops: HistoryTxn['ops']): HistoryTxn => ({ status: 'fail', ops });

describe('checkHistory (the test-side Elle-style checker)', () => {
  it('accepts a serial history and infers its ww and wr edges', () => {
    const result = checkHistory([ok(['w', 1, 1]), ok(['r', 1, 1], ['w', 1, 2]), ok(['r', 1, 2])]);
    expect([...result.anomalies]).toEqual([]);
    expect(result).toMatchObject({ wwEdges: 1, wrEdges: 2 });
  });

  it('infers ww edges through the transitive version order', () => {
    const result = checkHistory([
      ok(['w', 1, 1]),
      ok(['r', 1, 1], ['w', 1, 2]),
      ok(['r', 1, 2], ['w', 1, 3]),
    ]);
    expect(result.wwEdges).toBe(3);
  });

  it('finds G1c in a cycle of wr edges alone, without G0', () => {
    const result = checkHistory([ok(['w', 1, 1], ['r', 2, 1]), ok(['w', 2, 1], ['r', 1, 1])]);
    expect([...result.anomalies]).toEqual(['G1c']);
  });

  it('finds G0 in a ww cycle', () => {
    const result = checkHistory([
      ok(['r', 2, 2], ['w', 1, 1], ['w', 2, 1]),
      ok(['r', 1, 1], ['w', 1, 2], ['w', 2, 2]),
    ]);
    expect(result.anomalies).toContain('G0');
    expect(result.anomalies).toContain('G1c');
  });

  it('finds cyclic versions', () => {
    const result = checkHistory([ok(['r', 1, 1], ['w', 1, 2]), ok(['r', 1, 2], ['w', 1, 1])]);
    expect(result.anomalies).toContain('cyclic-versions');
  });

  it('finds G1a: a read of an aborted write', () => {
    expect([...checkHistory([fail(['w', 1, 5]), ok(['r', 1, 5])]).anomalies]).toEqual(['G1a']);
  });

  it("finds G1b: a read of another transaction's intermediate write, but not of its own", () => {
    expect([...checkHistory([ok(['w', 1, 1], ['w', 1, 2]), ok(['r', 1, 1])]).anomalies]).toEqual(['G1b']);
    expect([...checkHistory([ok(['w', 1, 1], ['r', 1, 1], ['w', 1, 2])]).anomalies]).toEqual([]);
  });

  it('ignores internal reads when inferring dependencies', () => {
    const result = checkHistory([ok(['w', 1, 1]), ok(['w', 1, 2], ['r', 1, 2])]);
    expect(result).toMatchObject({ wwEdges: 0, wrEdges: 0 });
  });
});
