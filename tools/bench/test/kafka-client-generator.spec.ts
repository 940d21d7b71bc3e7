import { SeededRandom } from '@glomers/sim';
import type { Op } from '../src/lib/history';
import type { RequestBody, ReplySchema, RpcConnection } from '../src/lib/rpc';
import { replyProblem } from '../src/lib/rpc';
import type { GeneratedOp, Invocation } from '../src/lib/workload';
import { KafkaClient } from '../src/workloads/kafka/client';
import { FinalPolls } from '../src/workloads/kafka/final-polls';
import { exponentialKeyIndex, KafkaGenerator } from '../src/workloads/kafka/generator';

/** A connection that answers from a script and records every request. */
class ScriptedConnection implements RpcConnection {
  readonly id = 'c1';
  readonly node = 'n0';
  readonly requests: RequestBody[] = [];
  constructor(private readonly answer: (req: RequestBody) => Record<string, unknown>) {}
  async rpc(body: RequestBody, reply: ReplySchema): Promise<Record<string, unknown> & { type: string }> {
    this.requests.push(body);
    const answer = { type: reply.type, in_reply_to: 1, ...this.answer(body) };
    const problem = replyProblem(answer, reply);
    if (problem) throw new Error(problem);
    return answer;
  }
}

let index = 0;
function invocation(f: string, value: unknown, extra?: Record<string, unknown>): Invocation {
  return {
    index: index++,
    time: 0,
    process: 0,
    type: 'invoke',
    f,
    value,
    ...(extra ? { extra } : {}),
  } as Invocation;
}

describe('kafka client', () => {
  it('sends one message and records its offset', async () => {
    const conn = new ScriptedConnection(() => ({ offset: 17 }));
    const done = await new KafkaClient(conn).invoke(invocation('send', [['send', '3', 5]]));
    expect(conn.requests).toEqual([{ type: 'send', key: '3', msg: 5 }]);
    expect(done).toEqual({ type: 'ok', value: [['send', '3', [17, 5]]] });
  });

  it('commits keys a node names like Object.prototype members, such as __proto__ and constructor', async () => {
    const conn = new ScriptedConnection((req) =>
      req.type === 'poll' ? { msgs: JSON.parse('{"__proto__":[[3,1]],"constructor":[[5,2]]}') } : {},
    );
    await new KafkaClient(conn).invoke(invocation('poll', [['poll']]));
    const commit = conn.requests.find((r) => r.type === 'commit_offsets');
    expect(JSON.stringify(commit?.['offsets'])).toBe('{"__proto__":3,"constructor":5}');
  });

  it('polls from its local offsets, advances them, and commits the highest polled offsets inside the op', async () => {
    const conn = new ScriptedConnection((req) => {
      if (req.type === 'list_committed_offsets') return { offsets: { b: 4 } };
      if (req.type === 'poll')
        return {
          msgs:
            req['offsets'] && 'b' in (req['offsets'] as object)
              ? {
                  a: [
                    [0, 1],
                    [1, 2],
                  ],
                  b: [],
                }
              : {},
        };
      return {};
    });
    const client = new KafkaClient(conn);
    expect(await client.invoke(invocation('poll', [['poll']]))).toEqual({
      type: 'ok',
      value: [['poll', {}]],
    });
    await client.invoke(invocation('assign', ['a', 'b']));
    const polled = await client.invoke(invocation('poll', [['poll']]));
    expect(polled).toEqual({
      type: 'ok',
      value: [
        [
          'poll',
          {
            a: [
              [0, 1],
              [1, 2],
            ],
            b: [],
          },
        ],
      ],
    });
    await client.invoke(invocation('poll', [['poll']]));
    expect(conn.requests).toEqual([
      { type: 'poll', offsets: {} },
      { type: 'list_committed_offsets', keys: ['a', 'b'] },
      { type: 'poll', offsets: { a: 0, b: 4 } },
      { type: 'commit_offsets', offsets: { a: 1 } },
      { type: 'poll', offsets: { a: 2, b: 4 } },
      { type: 'commit_offsets', offsets: { a: 1 } },
    ]);
  });

  it('assign keeps existing local offsets, drops unassigned keys, and seek-to-beginning needs no RPC', async () => {
    const conn = new ScriptedConnection((req) => {
      if (req.type === 'list_committed_offsets') return { offsets: { a: 9, c: 3 } };
      if (req.type === 'poll') return { msgs: { a: [[5, 50]] } };
      return {};
    });
    const client = new KafkaClient(conn);
    await client.invoke(invocation('assign', ['a']));
    await client.invoke(invocation('poll', [['poll']]));
    await client.invoke(invocation('assign', ['a', 'c', 'd']));
    await client.invoke(invocation('poll', [['poll']]));
    const before = conn.requests.length;
    await client.invoke(invocation('assign', ['a', 'd'], { 'seek-to-beginning?': true }));
    expect(conn.requests.length).toBe(before);
    await client.invoke(invocation('poll', [['poll']]));
    const polls = conn.requests.filter((r) => r.type === 'poll').map((r) => r['offsets']);
    // The reply's offset 5 is below the committed 9: local offsets only move forward (merge by max).
    expect(polls).toEqual([{ a: 9 }, { a: 9, c: 3, d: 0 }, { a: 0, d: 0 }]);
  });

  it('crash completes as info without any RPC', async () => {
    const conn = new ScriptedConnection(() => ({}));
    expect(await new KafkaClient(conn).invoke(invocation('crash', null))).toEqual({ type: 'info' });
    expect(conn.requests).toEqual([]);
  });

  it('rejects poll entries that are not [offset, msg] pairs', async () => {
    const conn = new ScriptedConnection(() => ({ msgs: { a: [[0, 1, 2]] } }));
    await expect(new KafkaClient(conn).invoke(invocation('poll', [['poll']]))).rejects.toThrow();
  });
});

const ctx = (time: number, thread = 0): { time: number; thread: number; process: number } => ({
  time,
  thread,
  process: thread,
});
const options = { keyCount: 10, maxWritesPerKey: 16, concurrency: 2 };

function drain(gen: KafkaGenerator, n: number, startNs = 0, stepNs = 1): GeneratedOp[] {
  return Array.from({ length: n }, (_, i) => gen.next(ctx(startNs + i * stepNs)));
}

describe('kafka generator', () => {
  it('weights the i-th active key 2^(i+1)/2046', () => {
    const random = new SeededRandom(1);
    const counts = new Array<number>(10).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[exponentialKeyIndex(random, 10)]++;
    counts.forEach((c, i) => expect(Math.abs(c / n - 2 ** (i + 1) / 2046)).toBeLessThan(0.01));
  });

  it('mixes sends and polls 50/50 and gives each key the values 1..max-writes-per-key, then rotates it', () => {
    const gen = new KafkaGenerator(new SeededRandom(2), { ...options, crashIntervalS: 1e9 });
    const ops = drain(gen, 4000, 1, 0).filter((op) => op.f !== 'crash');
    const sends = ops.filter((op) => op.f === 'send');
    const polls = ops.filter((op) => op.f === 'poll');
    expect(Math.abs(sends.length - polls.length) / ops.length).toBeLessThan(0.06);
    const values = new Map<string, number[]>();
    for (const op of sends) {
      const [[, k, v]] = op.value as Array<[string, string, number]>;
      values.set(k, [...(values.get(k) ?? []), v]);
    }
    for (const vs of values.values()) expect(vs).toEqual(vs.map((_, i) => i + 1));
    const full = [...values.values()].filter((vs) => vs.length === 16).length;
    expect(full).toBeGreaterThan(50);
    expect(Math.max(...[...values.values()].map((vs) => vs.length))).toBe(16);
    expect(Math.max(...[...values.keys()].map(Number))).toBeGreaterThan(9);
  });

  it('replaces about 1 op slot in 64 by an assign of that op’s key, and re-offers the op', () => {
    const gen = new KafkaGenerator(new SeededRandom(3), { ...options, crashIntervalS: 1e9 });
    const ops = drain(gen, 64_000, 1, 0);
    const assigns = ops.filter((op) => op.f === 'assign');
    expect(Math.abs(assigns.length / ops.length - 1 / 64)).toBeLessThan(0.003);
    ops.forEach((op, i) => {
      const next = ops[i + 1];
      if (op.f !== 'assign' || !next || next.f !== 'send') return;
      expect((op.value as string[])[0]).toBe((next.value as Array<[string, string]>)[0][1]);
    });
  });

  it('widens about 1/3 of assigns with the keys sent but not yet polled', () => {
    const gen = new KafkaGenerator(new SeededRandom(4), {
      ...options,
      crashIntervalS: 1e9,
      assignProbability: 1,
    });
    const sent = {
      index: 1,
      time: 0,
      process: 0,
      type: 'ok',
      f: 'send',
      value: [['send', '42', [3, 7]]],
    } as Op;
    gen.update(sent);
    const ops = drain(gen, 3000, 1, 0).filter((op) => op.f === 'assign');
    const widened = ops.filter(
      (op) => (op.value as string[]).includes('42') && (op.value as string[]).length > 1,
    );
    expect(Math.abs(widened.length / ops.length - 1 / 3)).toBeLessThan(0.05);
    expect(widened[0].extra).toEqual({ unseen: { 42: { polled: -1, sent: 3 } } });
    gen.update({ ...sent, f: 'poll', value: [['poll', { 42: [[3, 7]] }]] });
    const after = drain(gen, 300, 1, 0).filter((op) => op.f === 'assign');
    expect(after.every((op) => (op.value as string[]).length === 1)).toBe(true);
  });

  it('crashes a client at the start and then with a mean gap of 30/C seconds', () => {
    const gen = new KafkaGenerator(new SeededRandom(5), options);
    const stepNs = 10_000_000;
    const ops = drain(gen, 300_000, 0, stepNs);
    const crashes = ops.map((op, i) => (op.f === 'crash' ? i : -1)).filter((i) => i >= 0);
    expect(crashes[0]).toBeLessThanOrEqual(1);
    const meanGapS = ((crashes[crashes.length - 1] - crashes[0]) * stepNs) / 1e9 / (crashes.length - 1);
    expect(Math.abs(meanGapS - 15)).toBeLessThan(1.5);
  });
});

describe('kafka final polls', () => {
  const poll = (process: number, msgs: Record<string, Array<[number, number]>>): Op =>
    ({ index: 0, time: 0, process, type: 'ok', f: 'poll', value: [['poll', msgs]] }) as Op;

  it('crashes, assigns every tracked key from the beginning, then polls until its own polls caught up', () => {
    const final = new FinalPolls(
      new SeededRandom(6),
      new Map([
        [10, 3],
        [2, 0],
      ]),
      1,
      2,
    );
    expect(final.next(ctx(0, 1))).toEqual({ f: 'crash', value: null });
    expect(final.next(ctx(0, 1))).toEqual({
      f: 'assign',
      value: ['2', '10'],
      extra: { 'seek-to-beginning?': true },
    });
    const first = final.next(ctx(0, 1));
    expect(first).toEqual({ f: 'poll', value: [['poll']], extra: { 'poll-ms': 1000 } });
    const delays: number[] = [];
    for (let i = 0; i < 200; i++) delays.push(final.next(ctx(0, 1))?.delayMs ?? 0);
    const gaps = delays.map((d, i) => d - (i === 0 ? 0 : delays[i - 1]));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...gaps)).toBeLessThan(400);
    expect(Math.abs(gaps.reduce((a, b) => a + b, 0) / gaps.length - 200)).toBeLessThan(40);
    final.update(poll(0, { 10: [[3, 4]], 2: [[0, 1]] }));
    expect(final.next(ctx(0, 1))).toBeDefined();
    final.update(
      poll(3, {
        10: [
          [0, 1],
          [1, 2],
          [2, 3],
          [3, 4],
        ],
      }),
    );
    expect(final.next(ctx(0, 1))).toBeDefined();
    final.update(poll(5, { 2: [[0, 1]] }));
    expect(final.next(ctx(0, 1))).toBeUndefined();
  });

  it('has nothing to do when no key was touched', () => {
    expect(new FinalPolls(new SeededRandom(7), new Map(), 0, 1).next(ctx(0))).toBeUndefined();
  });
});
