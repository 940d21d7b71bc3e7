import { TxnStore } from './txn-store';

const makeStore = (node: string): TxnStore => new TxnStore(node);

describe('TxnStore', () => {
  it('commits a write-set that later transactions read', () => {
    const store = makeStore('n0');
    const first = store.execute([
      ['w', 1, 1],
      ['w', 1, 2],
      ['w', 2, 3],
    ]);
    expect(first.writes).toEqual([
      [1, 2, first.stamp.counter],
      [2, 3, first.stamp.counter],
    ]);
    expect(
      store.execute([
        ['r', 1, null],
        ['r', 2, null],
        ['r', 3, null],
      ]).completed,
    ).toEqual([
      ['r', 1, 2],
      ['r', 2, 3],
      ['r', 3, null],
    ]);
  });

  it('stamps each transaction above everything it has seen, including merged writes', () => {
    const store = makeStore('n0');
    const a = store.execute([['w', 1, 1]]).stamp;
    store.merge('n1', [[2, 5, 40]]);
    const b = store.execute([['r', 2, null]]).stamp;
    expect(a.node).toBe('n0');
    expect(b.counter).toBeGreaterThan(40);
  });

  it('keeps the write with the larger stamp per key, node id breaking ties', () => {
    const store = makeStore('n0');
    store.merge('n2', [[1, 20, 5]]);
    store.merge('n1', [[1, 10, 5]]);
    store.merge('n3', [[1, 30, 4]]);
    expect(store.snapshot().get(1)).toBe(20);
    store.execute([['w', 1, 99]]);
    expect(store.snapshot().get(1)).toBe(99);
  });

  it('converges whatever the order and multiplicity of merges', () => {
    const batches: [string, [number, number, number][]][] = [
      [
        'n1',
        [
          [1, 1, 3],
          [2, 1, 3],
        ],
      ],
      ['n2', [[1, 2, 3]]],
      ['n1', [[2, 2, 7]]],
    ];
    const forward = makeStore('n0');
    const backward = makeStore('n9');
    for (const [origin, writes] of batches) forward.merge(origin, writes);
    for (const [origin, writes] of [...batches, ...batches].reverse()) backward.merge(origin, writes);
    expect([...backward.snapshot()].sort()).toEqual([...forward.snapshot()].sort());
    expect(forward.snapshot()).toEqual(
      new Map([
        [1, 2],
        [2, 2],
      ]),
    );
  });
});
