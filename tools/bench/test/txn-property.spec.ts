import fc from 'fast-check';
import type { History } from '../src/lib/history';
import { checkTxnRwRegister } from '../src/workloads/txn-rw-register/maelstrom-checker';
import { toTxn } from '../src/elle/mops';
import { history, type T } from './fixtures/txn-histories';

type Mop = readonly [string, unknown, unknown];
const MODELS = [
  'read-uncommitted',
  'read-committed',
  'repeatable-read',
  'snapshot-isolation',
  'serializable',
  'strong-session-serializable',
  'strict-serializable',
];
const KEYS = ['a', 'b', 'c'];

/** A random transaction request: reads of nil, writes of placeholder values (made unique when executed). */
const txnArb = fc.array(
  fc.tuple(fc.constantFrom('r', 'w'), fc.constantFrom(...KEYS)).map(([f, k]): Mop => [f, k, null]),
  { minLength: 1, maxLength: 4 },
);
const runArb = fc.array(
  fc.record({
    txn: txnArb,
    p: fc.integer({ min: 0, max: 3 }),
    outcome: fc.constantFrom('ok', 'ok', 'ok', 'fail', 'info-applied', 'info-lost'),
  }),
  { minLength: 1, maxLength: 25 },
);

/** Executes the transactions one at a time on one register map: a serial (strictly serializable) history. */
function serial(run: ReadonlyArray<{ txn: readonly Mop[]; p: number; outcome: string }>): T[] {
  const store = new Map<unknown, unknown>();
  let next = 1;
  const processes = new Map<number, number>();
  return run.map(({ txn, p, outcome }) => {
    const process = processes.get(p) ?? p;
    if (outcome.startsWith('info')) processes.set(p, process + 4);
    const local = new Map(store);
    const done = txn.map(([f, k]): Mop => {
      if (f === 'r') return ['r', k, local.has(k) ? local.get(k) : null];
      const v = next++;
      local.set(k, v);
      return ['w', k, v];
    });
    if (outcome === 'ok' || outcome === 'info-applied') for (const [k, v] of local) store.set(k, v);
    return { p: process, type: outcome === 'ok' ? 'ok' : outcome === 'fail' ? 'fail' : 'info', txn: done };
  });
}

const typesAt = (h: History, model: string) =>
  checkTxnRwRegister(h, { consistencyModels: [model] }).result['anomaly-types'] as string[];

/** True when some ok txn externally read a value another ok txn finally wrote (so Elle's graph is not empty). */
function hasWrDependency(txns: readonly T[]): boolean {
  const oks = txns.filter((t) => (t.type ?? 'ok') === 'ok').map((t) => toTxn(t.txn));
  return oks.some((reader) =>
    [...reader.extReads].some(([k, v]) => oks.some((w) => w !== reader && w.extWrites.get(k) === v)),
  );
}

describe('txn-rw-register checker properties', () => {
  it('a serial execution has no anomaly at any model (empty-transaction-graph only when nothing is inferable)', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const txns = serial(run);
        const h = history(txns);
        for (const model of MODELS) {
          const types = typesAt(h, model);
          if (hasWrDependency(txns)) expect(types).toEqual([]);
          else expect(types.filter((t) => t !== 'empty-transaction-graph')).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  /** Ensures the graph is not empty whatever the run: one ok write and its read, on a key of their own. */
  const anchor: T[] = [
    { p: 0, txn: [['w', 'anchor', 1]] },
    { p: 0, txn: [['r', 'anchor', 1]] },
  ];

  it('a dirty read of an aborted write gives exactly G1a', () => {
    fc.assert(
      fc.property(runArb, fc.constantFrom(...KEYS), (run, k) => {
        const txns = [
          ...anchor,
          ...serial(run),
          { p: 1, type: 'fail' as const, txn: [['w', k, 1000]] as Mop[] },
        ];
        const clean = history(txns);
        const dirty = history([...txns, { p: 2, txn: [['r', k, 1000]] }]);
        expect(typesAt(clean, 'read-committed')).toEqual([]);
        expect(typesAt(dirty, 'read-committed')).toEqual(['G1a']);
        expect(typesAt(dirty, 'read-uncommitted')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('an intermediate read gives exactly G1b', () => {
    fc.assert(
      fc.property(runArb, fc.constantFrom(...KEYS), (run, k) => {
        const txns = [
          ...anchor,
          ...serial(run),
          {
            p: 1,
            txn: [
              ['w', k, 1000],
              ['w', k, 1001],
            ] as Mop[],
          },
        ];
        expect(typesAt(history([...txns, { p: 2, txn: [['r', k, 1001]] }]), 'read-committed')).toEqual([]);
        expect(typesAt(history([...txns, { p: 2, txn: [['r', k, 1000]] }]), 'read-committed')).toEqual([
          'G1b',
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('two txns that each read the other’s write (a lost write order) give exactly G1c', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const txns: T[] = [
          ...anchor,
          ...serial(run),
          {
            p: 1,
            txn: [
              ['w', 'x', 1],
              ['r', 'y', 1],
            ],
          },
          {
            p: 2,
            txn: [
              ['w', 'y', 1],
              ['r', 'x', 1],
            ],
          },
        ];
        expect(typesAt(history(txns), 'read-committed')).toEqual(['G1c']);
        expect(typesAt(history(txns), 'read-uncommitted')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('two txns that read the same value and both overwrite it give a lost update', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const txns: T[] = [
          ...anchor,
          ...serial(run),
          { p: 1, txn: [['w', 'x', 1]] },
          {
            p: 1,
            txn: [
              ['r', 'x', 1],
              ['w', 'x', 2],
            ],
          },
          {
            p: 2,
            txn: [
              ['r', 'x', 1],
              ['w', 'x', 3],
            ],
          },
        ];
        const types = typesAt(history(txns), 'serializable');
        expect(types).toContain('lost-update');
        expect(types.filter((t) => t !== 'lost-update' && t !== 'G2-item')).toEqual([]);
        expect(typesAt(history(txns), 'read-committed')).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('writes of nil that order two txns both ways give G0', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const txns: T[] = [
          ...anchor,
          ...serial(run),
          {
            p: 1,
            txn: [
              ['w', 'x', null],
              ['w', 'y', 1],
            ],
          },
          {
            p: 2,
            txn: [
              ['w', 'x', 1],
              ['w', 'y', null],
            ],
          },
        ];
        expect(typesAt(history(txns), 'read-uncommitted')).toEqual(['G0']);
      }),
      { numRuns: 40 },
    );
  });
});
