import { checkKafka } from '../src/workloads/kafka/checker';
import { KafkaHistory } from './fixtures/kafka-history-builder';

function types(h: KafkaHistory): unknown {
  return checkKafka(h.build())['error-types'];
}

/** A poll before anything else, so the dependency graph has a realtime edge even in tiny histories. */
function started(): KafkaHistory {
  return new KafkaHistory().poll(9, {});
}

describe('kafka checker: each error type and its clean twin', () => {
  it('passes a clean history and reports its shape', () => {
    const h = started()
      .send(0, 'a', 1, 0)
      .send(0, 'a', 2, 1)
      .poll(1, {
        a: [
          [0, 1],
          [1, 2],
        ],
      });
    const r = checkKafka(h.build());
    expect(r).toMatchObject({
      'valid?': true,
      'bad-error-types': [],
      'error-types': [],
      'info-txn-causes': [],
    });
    // No lag anywhere: Jepsen reports the first (poll, key) measurement, here process 1's poll of a.
    expect(r['worst-realtime-lag']).toEqual({ time: expect.any(Number), process: 1, key: 'a', lag: 0 });
  });

  it('inconsistent-offsets: one offset, two messages', () => {
    const bad = started()
      .send(0, 'a', 1, 0)
      .send(1, 'a', 2, 0)
      .poll(2, {
        a: [
          [0, 1],
          [0, 2],
        ],
      });
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['inconsistent-offsets']);
    expect(r['valid?']).toBe(false);
    expect(r['inconsistent-offsets']).toEqual({
      count: 1,
      errs: [{ key: 'a', offset: 0, index: 0, values: [1, 2] }],
    });
    const clean = started()
      .send(0, 'a', 1, 0)
      .send(1, 'a', 2, 1)
      .poll(2, {
        a: [
          [0, 1],
          [1, 2],
        ],
      });
    expect(types(clean)).toEqual([]);
  });

  it('duplicate: one message at two offsets', () => {
    const bad = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]] })
      .poll(2, { a: [[1, 1]] });
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['duplicate']);
    expect(r['duplicate']).toEqual({ count: 1, errs: [{ key: 'a', value: 1, count: 2, offsets: [0, 1] }] });
    const clean = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]] })
      .poll(2, { a: [[0, 1]] });
    expect(types(clean)).toEqual([]);
  });

  it('lost-write: a polled later offset proves an earlier acknowledged message should have been seen', () => {
    const bad = started()
      .send(0, 'a', 1, 0)
      .send(0, 'a', 2, 1)
      .poll(1, { a: [[1, 2]] });
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['lost-write', 'unseen']);
    const lost = r['lost-write'] as { count: number; errs: Array<Record<string, unknown>> };
    expect(lost.count).toBe(1);
    expect(lost.errs[0]).toMatchObject({ key: 'a', value: 1, index: 0, 'max-read-index': 1 });
    const clean = started()
      .send(0, 'a', 1, 0)
      .send(0, 'a', 2, 1)
      .poll(1, { a: [[1, 2]] })
      .poll(2, { a: [[0, 1]] });
    expect(types(clean)).toEqual([]);
  });

  it('lost-write needs a provably committed sender: an unread info send is not lost', () => {
    const h = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]] })
      .send(2, 'a', 2, 'info');
    expect(types(h)).toEqual([]);
  });

  it('G1a: an ok poll returns the message of a failed send', () => {
    const bad = started()
      .send(0, 'a', 1, 'fail')
      .poll(1, { a: [[0, 1]] })
      .poll(2, {});
    expect(types(bad)).toEqual(['G1a']);
    const clean = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]] });
    expect(types(clean)).toEqual([]);
  });

  it('int-poll-skip: one poll jumps over a known offset', () => {
    const base = (): KafkaHistory => started().send(0, 'a', 1, 0).send(0, 'a', 2, 1).send(0, 'a', 3, 2);
    const bad = base()
      .poll(1, {
        a: [
          [0, 1],
          [2, 3],
        ],
      })
      .poll(2, { a: [[1, 2]] });
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['int-poll-skip']);
    const err = (r['int-poll-skip'] as { errs: Array<Record<string, unknown>> }).errs[0];
    expect(err).toMatchObject({ key: 'a', values: [1, 3], delta: 2, skipped: [2] });
    const clean = base().poll(1, {
      a: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    });
    expect(types(clean)).toEqual([]);
  });

  it('int-nonmonotonic-poll: one poll goes backwards', () => {
    const base = (): KafkaHistory => started().send(0, 'a', 1, 0).send(0, 'a', 2, 1);
    const r = checkKafka(
      base()
        .poll(1, {
          a: [
            [1, 2],
            [0, 1],
          ],
        })
        .build(),
    );
    expect(r['error-types']).toEqual(['int-nonmonotonic-poll']);
    expect((r['int-nonmonotonic-poll'] as { errs: unknown[] }).errs[0]).toMatchObject({
      values: [2, 1],
      delta: -1,
    });
    expect(
      types(
        base().poll(1, {
          a: [
            [0, 1],
            [1, 2],
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('poll-skip: consecutive polls of one process jump over a known offset', () => {
    const base = (): KafkaHistory =>
      started()
        .send(0, 'a', 1, 0)
        .send(0, 'a', 2, 1)
        .send(0, 'a', 3, 2)
        .poll(2, { a: [[1, 2]] });
    const r = checkKafka(
      base()
        .poll(1, { a: [[0, 1]] })
        .poll(1, { a: [[2, 3]] })
        .build(),
    );
    expect(r['error-types']).toEqual(['poll-skip']);
    expect((r['poll-skip'] as { errs: unknown[] }).errs[0]).toMatchObject({
      key: 'a',
      delta: 2,
      skipped: [2],
    });
    expect(
      types(
        base()
          .poll(1, { a: [[0, 1]] })
          .poll(1, {
            a: [
              [1, 2],
              [2, 3],
            ],
          }),
      ),
    ).toEqual([]);
  });

  it('poll-skip is not tracked across an assign that drops the key, nor across a crash', () => {
    const base = (): KafkaHistory =>
      started()
        .send(0, 'a', 1, 0)
        .send(0, 'a', 2, 1)
        .send(0, 'a', 3, 2)
        .poll(2, { a: [[1, 2]] });
    const reassigned = base()
      .poll(1, { a: [[0, 1]] })
      .assign(1, ['b'])
      .assign(1, ['a'])
      .poll(1, { a: [[2, 3]] });
    expect(types(reassigned)).toEqual([]);
    const kept = base()
      .poll(1, { a: [[0, 1]] })
      .assign(1, ['a', 'b'])
      .poll(1, { a: [[2, 3]] });
    expect(types(kept)).toEqual(['poll-skip']);
    const crashed = base()
      .poll(1, { a: [[0, 1]] })
      .crash(1)
      .poll(11, { a: [[2, 3]] });
    expect(types(crashed)).toEqual([]);
  });

  it('nonmonotonic-poll: a process polls the same offset again', () => {
    const base = (): KafkaHistory =>
      started()
        .send(0, 'a', 1, 0)
        .send(0, 'a', 2, 1)
        .poll(1, {
          a: [
            [0, 1],
            [1, 2],
          ],
        });
    const r = checkKafka(
      base()
        .poll(1, { a: [[1, 2]] })
        .build(),
    );
    expect(r['error-types']).toEqual(['nonmonotonic-poll']);
    expect((r['nonmonotonic-poll'] as { errs: unknown[] }).errs[0]).toMatchObject({
      values: [2, 2],
      delta: 0,
    });
    expect(types(base().poll(1, {}))).toEqual([]);
  });

  it('an empty list for a key resets its poll tracking (as Jepsen compares against the last poll of the key)', () => {
    const h = started()
      .send(0, 'a', 1, 0)
      .send(0, 'a', 2, 1)
      .send(0, 'a', 3, 2)
      .poll(2, { a: [[1, 2]] })
      .poll(1, { a: [[0, 1]] })
      .poll(1, { a: [] })
      .poll(1, { a: [[2, 3]] });
    expect(types(h)).toEqual([]);
  });

  it('nonmonotonic-send: a later send of one process lands earlier in the log', () => {
    const bad = started()
      .send(0, 'a', 1, 1)
      .send(0, 'a', 2, 0)
      .poll(1, {
        a: [
          [0, 2],
          [1, 1],
        ],
      });
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['nonmonotonic-send']);
    expect((r['nonmonotonic-send'] as { errs: unknown[] }).errs[0]).toMatchObject({
      key: 'a',
      values: [1, 2],
      delta: -1,
    });
    const clean = started()
      .send(0, 'a', 1, 0)
      .send(0, 'a', 2, 1)
      .poll(1, {
        a: [
          [0, 1],
          [1, 2],
        ],
      });
    expect(types(clean)).toEqual([]);
  });

  it('unseen: an acknowledged message nobody polled', () => {
    const r = checkKafka(
      started()
        .send(0, 'a', 1, 0)
        .send(0, 'b', 5, 0)
        .poll(1, { b: [[0, 5]] })
        .build(),
    );
    expect(r['error-types']).toEqual(['unseen']);
    expect(r['unseen']).toEqual({ time: expect.any(Number), unseen: { a: 1 }, messages: { a: [1] } });
    expect(
      types(
        started()
          .send(0, 'a', 1, 0)
          .poll(1, { a: [[0, 1]] }),
      ),
    ).toEqual([]);
  });

  it('empty-transaction-graph is bad: no wr and no realtime edge at all', () => {
    const r = checkKafka(new KafkaHistory().poll(0, {}).build());
    expect(r['error-types']).toEqual(['empty-transaction-graph']);
    expect(r['bad-error-types']).toEqual(['empty-transaction-graph']);
    expect(r['empty-transaction-graph']).toEqual({ count: 1, errs: true });
    expect(types(new KafkaHistory().poll(0, {}).poll(0, {}))).toEqual([]);
  });

  it('G1c-realtime: a poll returned a message sent only after the poll completed', () => {
    const bad = started()
      .poll(1, { a: [[0, 1]] })
      .send(0, 'a', 1, 0);
    const r = checkKafka(bad.build());
    expect(r['error-types']).toEqual(['G1c-realtime', 'strong-PL-2-cycle-exists']);
    const g1c = r['G1c-realtime'] as { count: number; errs: Array<{ steps: Array<{ type: string }> }> };
    expect(g1c.count).toBe(1);
    expect(g1c.errs[0].steps.map((s) => s.type).sort()).toEqual(['realtime', 'wr']);
    expect(r['strong-PL-2-cycle-exists']).toMatchObject({
      count: 1,
      errs: [{ not: 'strong-read-committed', 'scc-size': 2 }],
    });
    expect(
      types(
        started()
          .send(0, 'a', 1, 0)
          .poll(1, { a: [[0, 1]] }),
      ),
    ).toEqual([]);
  });

  it('G1c: transactions that read each other’s sends (wr cycle; needs txn ops, which Maelstrom never issues)', () => {
    const h = started();
    h.invoke(0, 'txn', [['send', 'a', 1], ['poll']]);
    h.invoke(1, 'txn', [['send', 'b', 1], ['poll']]);
    h.complete(0, 'ok', 'txn', [
      ['send', 'a', [0, 1]],
      ['poll', { b: [[0, 1]] }],
    ]);
    h.complete(1, 'ok', 'txn', [
      ['send', 'b', [0, 1]],
      ['poll', { a: [[0, 1]] }],
    ]);
    const r = checkKafka(h.build());
    expect(r['error-types']).toEqual(['G1c', 'PL-2-cycle-exists']);
    expect(
      (r['G1c'] as { errs: Array<{ steps: Array<{ type: string }> }> }).errs[0].steps.map((s) => s.type),
    ).toEqual(['wr', 'wr']);
  });

  it('precommitted-read: a transaction polled its own send (txn ops only)', () => {
    const own = started().txn(
      0,
      [['send', 'a', 1], ['poll']],
      [
        ['send', 'a', [0, 1]],
        ['poll', { a: [[0, 1]] }],
      ],
    );
    expect(types(own)).toEqual(['precommitted-read']);
    const other = started()
      .send(1, 'a', 1, 0)
      .txn(
        0,
        [['send', 'a', 2], ['poll']],
        [
          ['send', 'a', [1, 2]],
          [
            'poll',
            {
              a: [
                [0, 1],
                [1, 2],
              ],
            },
          ],
        ],
      );
    expect(types(other)).toEqual(['precommitted-read']);
    const clean = started()
      .send(1, 'a', 1, 0)
      .txn(
        0,
        [['send', 'b', 2], ['poll']],
        [
          ['send', 'b', [0, 2]],
          ['poll', { a: [[0, 1]] }],
        ],
      )
      .poll(2, { b: [[0, 2]] });
    expect(types(clean)).toEqual([]);
  });

  it('int-send-skip is informational: it is reported but the test stays valid', () => {
    const h = started()
      .txn(
        0,
        [
          ['send', 'a', 1],
          ['send', 'a', 3],
        ],
        [
          ['send', 'a', [0, 1]],
          ['send', 'a', [2, 3]],
        ],
      )
      .send(1, 'a', 2, 1)
      .poll(2, {
        a: [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
      });
    const r = checkKafka(h.build());
    expect(r['error-types']).toEqual(['int-send-skip']);
    expect(r['bad-error-types']).toEqual([]);
    expect(r['valid?']).toBe(true);
  });

  it('valid? unknown when a poll returns a message no op sent (Jepsen throws no-writer-of-value)', () => {
    const r = checkKafka(
      started()
        .send(0, 'a', 1, 0)
        .poll(1, {
          a: [
            [0, 1],
            [1, 99],
          ],
        })
        .build(),
    );
    expect(r['valid?']).toBe('unknown');
    expect(r['error']).toMatchObject({ type: 'no-writer-of-value', key: 'a', value: 99 });
  });

  it('valid? unknown when every ok poll of some key returned an empty list (Jepsen evaluates (nth v -1))', () => {
    const bad = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]], b: [] });
    expect(checkKafka(bad.build())['valid?']).toBe('unknown');
    const omitted = started()
      .send(0, 'a', 1, 0)
      .poll(1, { a: [[0, 1]] });
    expect(checkKafka(omitted.build())['valid?']).toBe(true);
  });

  it('unseen carries a key that was only ever polled (never ok-sent) when that poll is the last ok op', () => {
    // Jepsen merges sent and polled maps with Bifurcan's merge: keys only in `polled` keep their polled set.
    const last = started()
      .send(0, 'a', 1, 'info')
      .poll(1, { a: [[0, 1]] });
    expect(checkKafka(last.build())['unseen']).toMatchObject({ unseen: { a: 1 }, messages: { a: [1] } });
    expect(types(last.poll(2, {}))).toEqual([]);
  });

  it('info-txn-causes lists the distinct errors of info sends and polls', () => {
    const h = started().send(0, 'a', 1, 'info').send(1, 'a', 2, 'info').crash(2);
    expect(checkKafka(h.build())['info-txn-causes']).toEqual(['net-timeout']);
  });

  it('worst-realtime-lag: time since the first offset the poll missed became known', () => {
    const h = new KafkaHistory().assign(1, ['a']).send(0, 'a', 1, 0).poll(1, {});
    const ops = h.build();
    const r = checkKafka(ops);
    const sendDone = ops[3].time;
    const pollInvoked = ops[4].time;
    expect(r['worst-realtime-lag']).toEqual({
      time: pollInvoked / 1e9,
      process: 1,
      key: 'a',
      lag: (pollInvoked - sendDone) / 1e9,
    });
  });
});
