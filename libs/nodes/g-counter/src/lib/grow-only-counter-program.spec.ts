import { SimNetwork } from '@glomers/runtime';
import { SeededRandom } from '@glomers/sim';
import { COUNTER_KEY } from './grow-only-counter-program';
import { growOnlyCounterModule } from './grow-only-counter-module';

const nodes = ['n0', 'n1', 'n2'];

function cluster(seed: number) {
  const net = new SimNetwork(nodes, [growOnlyCounterModule], { latencyMs: 5, seed });
  return { net, seqKv: net.services['seq-kv'] };
}

async function read(net: SimNetwork, node: string): Promise<unknown> {
  const msgId = net.fromClient(node, { type: 'read' });
  await net.time.run(200);
  return net.replyTo(msgId);
}

describe('GrowOnlyCounterProgram', () => {
  it('reads 0 before anything was added', async () => {
    const { net } = cluster(1);
    expect(await read(net, 'n1')).toMatchObject({ type: 'read_ok', value: 0 });
  });

  it.each([1, 2, 3, 4, 5])(
    'counts concurrent adds from every node exactly, read fresh everywhere (seed %i)',
    async (seed) => {
      const { net, seqKv } = cluster(seed);
      const random = new SeededRandom(seed * 7);
      let total = 0;
      const adds: number[] = [];
      for (let i = 0; i < 60; i++) {
        const delta = random.int(5);
        total += delta;
        adds.push(net.fromClient(nodes[i % 3], { type: 'add', delta }, `c${i % 3}`));
        if (i % 7 === 0) await net.time.run(3);
      }
      await net.time.run(5000);
      for (const msgId of adds) expect(net.replyTo(msgId)).toMatchObject({ type: 'add_ok' });
      const stored = seqKv.peek?.(COUNTER_KEY) as Record<string, number>;
      expect(Object.values(stored).reduce((a, b) => a + b, 0)).toBe(total);
      for (const node of nodes)
        expect(await read(net, node)).toMatchObject({ type: 'read_ok', value: total });
    },
  );

  it('sums adds that queue behind an in-flight cas into one update', async () => {
    const { net } = cluster(9);
    for (let i = 0; i < 10; i++) net.fromClient('n0', { type: 'add', delta: 1 }, `c${i}`);
    await net.time.run(2000);
    expect(net.sentByType.get('cas')).toBeLessThanOrEqual(3);
    expect(await read(net, 'n2')).toMatchObject({ value: 10 });
  });

  it('refuses a negative delta with error 12 and leaves the count alone', async () => {
    const { net } = cluster(2);
    const good = net.fromClient('n0', { type: 'add', delta: 4 });
    await net.time.run(500);
    const bad = net.fromClient('n0', { type: 'add', delta: -3 });
    await net.time.run(500);
    expect(net.replyTo(good)).toMatchObject({ type: 'add_ok' });
    expect(net.replyTo(bad)).toMatchObject({ type: 'error', code: 12 });
    expect(await read(net, 'n1')).toMatchObject({ value: 4 });
  });

  it('refuses with error 12 an add that would take the count past 2^53 - 1, counting the rest exactly', async () => {
    const { net } = cluster(3);
    const max = Number.MAX_SAFE_INTEGER;
    const first = net.fromClient('n0', { type: 'add', delta: max - 2 });
    await net.time.run(500);
    // `over` and `fits` queue behind `inFlight` and are tried as one batch first, whose sum does not fit.
    const inFlight = net.fromClient('n1', { type: 'add', delta: 1 }, 'c1');
    const over = net.fromClient('n1', { type: 'add', delta: 2 }, 'c2');
    const fits = net.fromClient('n1', { type: 'add', delta: 1 }, 'c3');
    await net.time.run(2000);
    expect([net.replyTo(first), net.replyTo(inFlight)]).toMatchObject([
      { type: 'add_ok' },
      { type: 'add_ok' },
    ]);
    expect(net.replyTo(over)).toMatchObject({
      type: 'error',
      code: 12,
      text: expect.stringMatching(/2\^53/),
    });
    expect(net.replyTo(fits)).toMatchObject({ type: 'add_ok' });
    expect(await read(net, 'n2')).toMatchObject({ value: max });
  });
});
