import { createTestNode, initNode } from '../testing/test-node';
import { KvClient } from './kv';

describe('KvClient', () => {
  function setup() {
    const test = createTestNode();
    test.node.start();
    initNode(test);
    return { ...test, kv: new KvClient(test.node, 'seq-kv') };
  }

  it('reads a value', async () => {
    const { kv, transport } = setup();
    const read = kv.read<number>('counter');
    const [request] = transport.take();
    expect(request).toEqual({ src: 'n0', dest: 'seq-kv', body: { type: 'read', key: 'counter', msg_id: 1 } });
    transport.deliver({ src: 'seq-kv', dest: 'n0', body: { type: 'read_ok', in_reply_to: 1, value: 42 } });
    await expect(read).resolves.toBe(42);
  });

  it('writes, and sends cas with create_if_not_exists only when asked', async () => {
    const { kv, transport } = setup();
    void kv.write('k', { a: 1 });
    void kv.cas('k', 1, 2);
    void kv.cas('k', 1, 2, true);
    expect(transport.take().map((m) => m.body)).toEqual([
      { type: 'write', key: 'k', value: { a: 1 }, msg_id: 1 },
      { type: 'cas', key: 'k', from: 1, to: 2, msg_id: 2 },
      { type: 'cas', key: 'k', from: 1, to: 2, create_if_not_exists: true, msg_id: 3 },
    ]);
  });

  it.each([
    [20, 'key-does-not-exist'],
    [21, 'key-already-exists'],
    [22, 'precondition-failed'],
  ])('rejects with error %i (%s)', async (code) => {
    const { kv, transport } = setup();
    const cas = kv.cas('k', 1, 2);
    transport.deliver({
      src: 'seq-kv',
      dest: 'n0',
      body: { type: 'error', in_reply_to: 1, code, text: 'no' },
    });
    await expect(cas).rejects.toMatchObject({ code });
  });

  it('reads a missing key (error 20) as the given default, and rejects on any other error', async () => {
    const { kv, transport } = setup();
    const missing = kv.readOr<number, null>('a', null);
    const other = kv.readOr<number, null>('b', null);
    const error = (in_reply_to: number, code: number) => ({
      src: 'seq-kv',
      dest: 'n0',
      body: { type: 'error', in_reply_to, code, text: 'no' },
    });
    transport.deliver(error(1, 20));
    transport.deliver(error(2, 11));
    await expect(missing).resolves.toBeNull();
    await expect(other).rejects.toMatchObject({ code: 11 });
  });
});
