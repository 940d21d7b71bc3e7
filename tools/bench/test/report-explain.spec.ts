import type { History, Op } from '../src/lib/history';
import { explainFailures, type ExplainContext } from '../src/report/explain';
import { checkBroadcast } from '../src/workloads/broadcast/set-full-checker';
import { checkTxnRwRegister } from '../src/workloads/txn-rw-register/maelstrom-checker';
import { ANOMALY_CASES } from './fixtures/txn-histories';

const context = (results: unknown, history: History = []): ExplainContext => ({
  results,
  history,
  workload: undefined,
  nodeOf: (p) => (typeof p === 'number' ? `n${p % 2}` : undefined),
});

function broadcastHistory(): Op[] {
  const ops: Omit<Op, 'index'>[] = [
    { time: 0, process: 0, type: 'invoke', f: 'broadcast', value: 7 },
    { time: 1e6, process: 0, type: 'ok', f: 'broadcast', value: 7 },
    { time: 2e6, process: 1, type: 'invoke', f: 'read', value: null },
    { time: 3e6, process: 1, type: 'ok', f: 'read', value: [7] },
    { time: 9e9, process: 0, type: 'invoke', f: 'read', value: null, final: true },
    { time: 9.1e9, process: 0, type: 'ok', f: 'read', value: [], final: true },
    { time: 9e9, process: 1, type: 'invoke', f: 'read', value: null, final: true },
    { time: 9.1e9, process: 1, type: 'ok', f: 'read', value: [], final: true },
  ];
  return ops.map((op, index) => ({ ...op, index }));
}

describe('explainFailures', () => {
  it('broadcast: a lost value, its broadcast, the last read that saw it, the final reads without it', () => {
    const history = broadcastHistory();
    const results = { workload: checkBroadcast(history), 'valid?': false };
    const [failure] = explainFailures(context(results, history));
    expect(failure.headline).toBe('workload: 1 broadcast value lost (7)');
    const [table] = failure.tables;
    expect(table.rows).toEqual([
      [
        '7',
        'op 1, process 0 (n0), ok broadcast 7 at 0.001 s',
        'op 3, process 1 (n1), ok read [7] at 0.003 s',
        'n0, n1',
      ],
    ]);
  });

  it('kafka: lost writes with key, offset, message and the sender', () => {
    const writer: Op = { index: 4, time: 5e8, process: 3, type: 'ok', f: 'send', value: ['9', 12, 17] };
    const results = {
      workload: {
        'valid?': false,
        'bad-error-types': ['lost-write'],
        'lost-write': {
          count: 1,
          errs: [{ key: '9', value: 17, index: 12, 'max-read-index': 20, writer, 'max-read': undefined }],
        },
      },
    };
    const [failure] = explainFailures(context(results));
    expect(failure.headline).toBe('workload: lost-write ×1');
    expect(failure.tables[0].columns.slice(0, 3)).toEqual(['key', 'offset', 'message']);
    expect(failure.tables[0].rows[0].slice(0, 5)).toEqual([
      '"9"',
      '12',
      '17',
      'op 4, process 3 (n1), ok send ["9",12,17] at 0.500 s',
      '20',
    ]);
  });

  it('txn: an Elle G1c cycle as a graph with named edges', () => {
    const g1c = ANOMALY_CASES.find((c) => c.name.startsWith('G1c'));
    if (!g1c) throw new Error('fixture G1c missing');
    const workload = checkTxnRwRegister(g1c.anomalous, { consistencyModels: ['read-committed'] }).result;
    const [failure] = explainFailures(context({ workload, 'valid?': false }, g1c.anomalous));
    expect(failure.headline).toBe('workload: G1c ×1');
    const [graph] = failure.cycles;
    expect(graph.nodes.map((n) => n.id)).toEqual(['T1', 'T2']);
    expect(graph.edges.map((e) => [e.from, e.to, e.kind])).toEqual([
      ['T1', 'T2', 'wr'],
      ['T2', 'T1', 'wr'],
    ]);
    expect(graph.edges[0].label).toBe('T1 < T2, because T1 wrote "x" = 1, which was read by T2');
  });

  it('stats and availability name what did not succeed', () => {
    const history: Op[] = [
      { index: 0, time: 0, process: 0, type: 'invoke', f: 'read', value: null },
      { index: 1, time: 5e9, process: 0, type: 'info', f: 'read', value: null, error: ['net-timeout'] },
    ];
    const results = {
      stats: {
        'valid?': false,
        'by-f': { read: { 'valid?': false, count: 1, 'ok-count': 0, 'fail-count': 0, 'info-count': 1 } },
      },
      availability: { 'valid?': false, 'ok-fraction': 0 },
    };
    const headlines = explainFailures(context(results, history)).map((f) => f.headline);
    expect(headlines).toEqual([
      'stats: read never succeeded (0 ok of 1: 0 fail, 1 info)',
      'availability: 0.00% of operations succeeded; 1 op did not',
    ]);
  });
});
