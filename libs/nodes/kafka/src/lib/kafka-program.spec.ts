import { SimNetwork } from '@glomers/runtime';
import type { Newable } from 'inversify';
import type { KafkaBackend } from './kafka-backend';
import { MAX_MSG_BYTES, MAX_MSG_DEPTH } from './storable-msg';
import { kafkaModule } from './kafka-module';
import { LinKvBackend } from './lin-kv-backend';
import { LocalLogBackend } from './local-log-backend';
import { ReplicatedLogBackend } from './replicated-log-backend';
import { EFFICIENT_LOG_TIMING, replicatedLogOptions } from './replicated-log-presets';
import type { ReplicatedLogOptions } from '@glomers/replicated-log';

type Reply = Record<string, unknown> | undefined;

/** A cluster given time to settle (a replicated log elects its leader first). */
async function cluster(
  backend: Newable<KafkaBackend>,
  nodes = ['n0'],
  logOptions: ReplicatedLogOptions = {},
): Promise<SimNetwork> {
  const net = new SimNetwork(nodes, [kafkaModule(backend, logOptions)], { latencyMs: 2 });
  await net.time.run(3000);
  return net;
}

async function call(
  net: SimNetwork,
  node: string,
  body: Record<string, unknown>,
  client = 'c1',
): Promise<Reply> {
  const msgId = net.fromClient(node, body, client);
  await net.time.run(200);
  return net.replyTo(msgId);
}

describe.each([
  ['LocalLogBackend', LocalLogBackend],
  ['LinKvBackend', LinKvBackend],
  ['ReplicatedLogBackend', ReplicatedLogBackend],
] as const)('KafkaProgram over %s', (_name, backend) => {
  it('gives each send of a key a larger offset and polls them back in order, from any offset', async () => {
    const net = await cluster(backend);
    const offsets: number[] = [];
    for (const msg of [10, 11, 12]) {
      const reply = await call(net, 'n0', { type: 'send', key: 'a', msg });
      offsets.push(reply?.['offset'] as number);
    }
    await call(net, 'n0', { type: 'send', key: 'b', msg: 99 });
    expect([...offsets].sort((x, y) => x - y)).toEqual(offsets);
    expect(new Set(offsets).size).toBe(3);
    const poll = await call(net, 'n0', { type: 'poll', offsets: { a: offsets[1], z: 0 } });
    expect(poll).toMatchObject({
      type: 'poll_ok',
      msgs: {
        a: [
          [offsets[1], 11],
          [offsets[2], 12],
        ],
      },
    });
    expect((poll?.['msgs'] as Record<string, unknown>)['z'] ?? []).toEqual([]);
  });

  it('keeps committed offsets monotonic and leaves out keys never committed', async () => {
    const net = await cluster(backend);
    expect(await call(net, 'n0', { type: 'commit_offsets', offsets: { a: 5, b: 2 } })).toMatchObject({
      type: 'commit_offsets_ok',
    });
    await call(net, 'n0', { type: 'commit_offsets', offsets: { a: 3 } });
    expect(
      await call(net, 'n0', { type: 'list_committed_offsets', keys: ['a', 'b', 'never'] }),
    ).toMatchObject({
      type: 'list_committed_offsets_ok',
      offsets: { a: 5, b: 2 },
    });
  });

  it('keeps keys that name Object.prototype members: __proto__, constructor, toString', async () => {
    const net = await cluster(backend);
    const keys = ['__proto__', 'constructor', 'toString'];
    const offsets = new Map<string, unknown>();
    for (const key of keys)
      offsets.set(key, (await call(net, 'n0', { type: 'send', key, msg: key }))?.['offset']);
    const from = JSON.parse('{"__proto__":0,"constructor":0,"toString":0}') as Record<string, number>;
    const poll = await call(net, 'n0', { type: 'poll', offsets: from });
    for (const key of keys) {
      expect(Object.getOwnPropertyDescriptor(poll?.['msgs'], key)?.value).toEqual([[offsets.get(key), key]]);
    }
    await call(net, 'n0', { type: 'commit_offsets', offsets: JSON.parse('{"__proto__":1,"constructor":2}') });
    const listed = await call(net, 'n0', { type: 'list_committed_offsets', keys });
    expect(JSON.stringify(listed?.['offsets'])).toBe('{"__proto__":1,"constructor":2}');
  });

  it.each([
    [
      `nested deeper than ${MAX_MSG_DEPTH} levels`,
      JSON.parse('['.repeat(MAX_MSG_DEPTH + 1) + ']'.repeat(MAX_MSG_DEPTH + 1)) as unknown,
    ],
    [`encoding to more than ${MAX_MSG_BYTES} bytes`, 'é'.repeat(MAX_MSG_BYTES / 2)],
  ])('refuses a msg %s with error 12 before storing it, and keeps serving the key', async (_case, msg) => {
    const net = await cluster(backend);
    expect(await call(net, 'n0', { type: 'send', key: 'k', msg })).toMatchObject({ type: 'error', code: 12 });
    const limit = JSON.parse('['.repeat(MAX_MSG_DEPTH) + ']'.repeat(MAX_MSG_DEPTH)) as unknown;
    const sent = await call(net, 'n0', { type: 'send', key: 'k', msg: limit });
    expect(sent).toMatchObject({ type: 'send_ok' });
    expect(await call(net, 'n0', { type: 'poll', offsets: { k: 0 } })).toMatchObject({
      msgs: { k: [[sent?.['offset'], limit]] },
    });
  });

  it('refuses a send nested 5,000 levels deep with error 12, and polls of the key keep working', async () => {
    const net = await cluster(backend);
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    await call(net, 'n0', { type: 'poll', offsets: {} }); // registers client c1
    net
      .node('n0')
      .receiveLine(`{"src":"c1","dest":"n0","body":{"type":"send","msg_id":999,"key":"k","msg":${deep}}}`);
    await net.time.run(200);
    expect(net.replyTo(999)).toMatchObject({ type: 'error', code: 12 });
    expect(await call(net, 'n0', { type: 'poll', offsets: { k: 0 } })).toMatchObject({
      type: 'poll_ok',
      msgs: {},
    });
  });

  it.each([
    ['a negative poll offset', { type: 'poll', offsets: { a: -1 } }],
    ['a fractional poll offset', { type: 'poll', offsets: { a: 1.5 } }],
    ['a send without a key', { type: 'send', msg: 1 }],
    ['list_committed_offsets of numbers', { type: 'list_committed_offsets', keys: [1] }],
  ])('answers %s with error 12 and loses nothing', async (_case, bad) => {
    const net = await cluster(backend);
    const sent = await call(net, 'n0', { type: 'send', key: 'a', msg: 1 });
    expect(await call(net, 'n0', bad)).toMatchObject({ type: 'error', code: 12 });
    expect(await call(net, 'n0', { type: 'poll', offsets: { a: 0 } })).toMatchObject({
      msgs: { a: [[sent?.['offset'], 1]] },
    });
  });
});

const LINGERING = replicatedLogOptions(EFFICIENT_LOG_TIMING);

describe.each([
  ['LinKvBackend', LinKvBackend, {}],
  ['ReplicatedLogBackend', ReplicatedLogBackend, {}],
  ['ReplicatedLogBackend (5c timing)', ReplicatedLogBackend, LINGERING],
] as const)('%s on two nodes', (_name, backend, logOptions) => {
  it('gives concurrent sends to one key distinct, gap-free offsets that both nodes poll identically', async () => {
    const net = await cluster(backend, ['n0', 'n1'], logOptions);
    const ids = Array.from({ length: 10 }, (_, i) =>
      net.fromClient(i % 2 ? 'n1' : 'n0', { type: 'send', key: 'k', msg: i }, `c${i}`),
    );
    await net.time.run(2000);
    const offsets = ids.map((id) => net.replyTo(id)?.['offset'] as number).sort((a, b) => a - b);
    expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const fromN0 = await call(net, 'n0', { type: 'poll', offsets: { k: 0 } });
    const fromN1 = await call(net, 'n1', { type: 'poll', offsets: { k: 0 } });
    expect(fromN1?.['msgs']).toEqual(fromN0?.['msgs']);
    expect((fromN0?.['msgs'] as Record<string, unknown[]>)['k']).toHaveLength(10);
  });
});

describe.each([
  ['default', {}],
  ['5c', LINGERING],
] as const)('ReplicatedLogBackend (%s timing) across a partition', (_name, logOptions) => {
  it('loses no acknowledged send and polls the same log everywhere once the partition heals', async () => {
    const net = await cluster(ReplicatedLogBackend, ['n0', 'n1'], logOptions);
    net.isolate(['n0']);
    const during = Array.from({ length: 6 }, (_, i) =>
      net.fromClient(i % 2 ? 'n1' : 'n0', { type: 'send', key: 'p', msg: i }, `c${i}`),
    );
    await net.time.run(5000);
    net.heal();
    const after = Array.from({ length: 4 }, (_, i) =>
      net.fromClient(i % 2 ? 'n1' : 'n0', { type: 'send', key: 'p', msg: 10 + i }, `c${10 + i}`),
    );
    await net.time.run(10_000);
    const acknowledged = [...during, ...after]
      .map((id) => net.replyTo(id))
      .filter((reply) => reply?.['type'] === 'send_ok')
      .map((reply) => reply?.['offset'] as number);
    expect(acknowledged.length).toBeGreaterThanOrEqual(after.length);
    const polls = await Promise.all(
      ['n0', 'n1'].map((node) => call(net, node, { type: 'poll', offsets: { p: 0 } })),
    );
    const logs = polls.map((poll) => (poll?.['msgs'] as Record<string, Array<[number, number]>>)['p'] ?? []);
    expect(logs[1]).toEqual(logs[0]);
    const offsets = logs[0].map(([offset]) => offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    for (const offset of acknowledged) expect(offsets).toContain(offset);
  });
});

describe('ReplicatedLogBackend and peer messages', () => {
  it('refuses replication messages from a client with error 10: nothing is appended or sent back to it', async () => {
    const net = await cluster(ReplicatedLogBackend);
    const forward = net.fromClient('n0', { type: 'rl_forward', sends: [[1, 'k', 666]] }, 'c9');
    const append = {
      type: 'rl_append',
      term: 99,
      seq: 1,
      from: 0,
      prevTerm: 0,
      entries: [[99, 'k', 667]],
      heldElsewhere: 1,
    };
    net.fromClient('n0', append, 'c9');
    await net.time.run(2000);
    expect(net.replyTo(forward)).toMatchObject({ type: 'error', code: 10 });
    expect(net.clientInbox.filter((m) => m.dest === 'c9').map((m) => m.body['code'])).toEqual([10, 10]);
    expect(await call(net, 'n0', { type: 'poll', offsets: { k: 0 } })).toEqual({
      type: 'poll_ok',
      msgs: {},
      in_reply_to: expect.any(Number),
    });
  });
});

describe('ReplicatedLogBackend commit gossip', () => {
  it('spreads the committed offset of a key named __proto__ to the other node', async () => {
    const net = await cluster(ReplicatedLogBackend, ['n0', 'n1']);
    await call(net, 'n0', { type: 'commit_offsets', offsets: JSON.parse('{"__proto__":3,"a":4}') });
    await net.time.run(2000);
    const listed = await call(net, 'n1', { type: 'list_committed_offsets', keys: ['__proto__', 'a'] });
    expect(JSON.stringify(listed?.['offsets'])).toBe('{"__proto__":3,"a":4}');
  });
});
