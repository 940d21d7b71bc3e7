import { judge, type HistoryTxn } from './elle-judge';

const ok = (process: number, ...ops: HistoryTxn['ops']): HistoryTxn => ({ status: 'ok', process, ops });
const fail = (process: number, ...ops: HistoryTxn['ops']): HistoryTxn => ({ status: 'fail', process, ops });

describe('judge (txn runs through the bench’s Elle)', () => {
  it('accepts a serial history and counts its wr edges', () => {
    const judgement = judge(
      [ok(0, ['w', 1, 1]), ok(1, ['r', 1, 1], ['w', 1, 2]), ok(0, ['r', 1, 2])],
      'read-committed',
    );
    expect(judgement).toEqual({ valid: true, anomalies: [], wrEdges: 2 });
  });

  it('finds G1c, a cycle of wr edges, under read committed but not under read uncommitted', () => {
    const history = [ok(0, ['w', 1, 1], ['r', 2, 1]), ok(1, ['w', 2, 1], ['r', 1, 1])];
    expect(judge(history, 'read-committed')).toMatchObject({ valid: false, anomalies: ['G1c'] });
    expect(judge(history, 'read-uncommitted')).toMatchObject({ valid: true, anomalies: [] });
  });

  // Versions are ordered only by a txn that read one and wrote the next, so each ww edge here is also a wr edge and
  // Elle explains the cycle as G1c; under read uncommitted it reports the cycle itself.
  it('finds a cycle of ww edges under read uncommitted', () => {
    const history = [
      ok(0, ['r', 2, 2], ['w', 1, 1], ['w', 2, 1]),
      ok(1, ['r', 1, 1], ['w', 1, 2], ['w', 2, 2]),
    ];
    expect(judge(history, 'read-uncommitted')).toMatchObject({
      valid: false,
      anomalies: ['PL-1-cycle-exists'],
    });
  });

  it('finds G1a (a read of an aborted write) and G1b (of an intermediate one) under read committed', () => {
    expect(judge([fail(0, ['w', 1, 5]), ok(1, ['r', 1, 5])], 'read-committed').anomalies).toEqual(['G1a']);
    expect(judge([ok(0, ['w', 1, 1], ['w', 1, 2]), ok(1, ['r', 1, 1])], 'read-committed').anomalies).toEqual([
      'G1b',
    ]);
  });

  it('leaves a history without dependencies unknown, as Elle does, with nothing prohibited', () => {
    expect(judge([ok(0, ['r', 1, null])], 'read-committed')).toEqual({
      valid: 'unknown',
      anomalies: [],
      wrEdges: 0,
    });
  });
});
