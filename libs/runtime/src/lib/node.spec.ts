import type { EchoRequest } from '@glomers/protocol';
import { createTestNode, initNode, type TestNode } from '../testing/test-node';
import { RpcError, RpcTimeoutError } from './errors';

function started(): TestNode {
  const test = createTestNode();
  test.node.start();
  return test;
}

describe('Node', () => {
  it('answers init with init_ok and learns its id and the cluster', () => {
    const { node, transport } = started();
    transport.deliver({
      src: 'c0',
      dest: 'n1',
      body: { type: 'init', msg_id: 1, node_id: 'n1', node_ids: ['n0', 'n1'] },
    });
    expect(transport.take()).toEqual([{ src: 'n1', dest: 'c0', body: { type: 'init_ok', in_reply_to: 1 } }]);
    expect(node.id).toBe('n1');
    expect(node.nodeIds).toEqual(['n0', 'n1']);
    expect(node.peers).toEqual(['n0']);
  });

  it('replies with what a handler returns, addressed to the sender', () => {
    const test = started();
    test.node.handle('echo', (req) => ({ type: 'echo_ok', echo: req.body.echo }));
    initNode(test);
    test.transport.deliver({ id: 9, src: 'c4', dest: 'n0', body: { type: 'echo', msg_id: 3, echo: 'hi' } });
    expect(test.transport.take()).toEqual([
      { src: 'n0', dest: 'c4', body: { type: 'echo_ok', echo: 'hi', in_reply_to: 3 } },
    ]);
  });

  it('replies when an async handler resolves', async () => {
    const test = started();
    test.node.handle<EchoRequest>('echo', async (req) => ({ type: 'echo_ok', echo: req.body.echo }));
    initNode(test);
    test.transport.deliver({ src: 'c4', dest: 'n0', body: { type: 'echo', msg_id: 3, echo: 5 } });
    await Promise.resolve();
    expect(test.transport.take()).toEqual([
      { src: 'n0', dest: 'c4', body: { type: 'echo_ok', echo: 5, in_reply_to: 3 } },
    ]);
  });

  it('answers an unknown type with error 10 and keeps serving', () => {
    const test = started();
    test.node.handle('echo', (req) => ({ type: 'echo_ok', echo: req.body.echo }));
    initNode(test);
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'frobnicate', msg_id: 2 } });
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'echo', msg_id: 3, echo: 1 } });
    const [error, echo] = test.transport.take();
    expect(error.body).toMatchObject({ type: 'error', in_reply_to: 2, code: 10 });
    expect(echo.body).toEqual({ type: 'echo_ok', echo: 1, in_reply_to: 3 });
  });

  it('answers a malformed request with error 12 and logs the line', () => {
    const test = started();
    test.node.handle('add', () => ({ type: 'add_ok' }));
    initNode(test);
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'add', msg_id: 5, delta: 'lots' } });
    const [reply] = test.transport.take();
    expect(reply).toMatchObject({ src: 'n0', dest: 'c1', body: { type: 'error', in_reply_to: 5, code: 12 } });
    expect(reply.body['text']).toContain("'delta'");
    expect(test.logger.lines.some((l) => l.startsWith('WARN rejected line') && l.includes('lots'))).toBe(
      true,
    );
  });

  it('logs and otherwise ignores a line with no reply address, writing nothing', () => {
    const test = started();
    initNode(test);
    test.transport.deliver('this is not json');
    test.transport.deliver('{"src":"c1","body":{"type":"echo"}}');
    expect(test.transport.written).toEqual([]);
    expect(test.logger.lines.filter((l) => l.startsWith('WARN rejected line'))).toHaveLength(2);
  });

  it('turns a thrown RpcError into its error reply, anything else into error 13, and keeps serving', async () => {
    const test = started();
    test.node.handle('read', () => {
      throw new RpcError(20, 'no such key');
    });
    test.node.handle('add', async () => {
      throw new Error('boom');
    });
    test.node.handle('generate', () => ({ type: 'generate_ok', id: 1 }));
    initNode(test);
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'read', msg_id: 1 } });
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'add', msg_id: 2, delta: 1 } });
    test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'generate', msg_id: 3 } });
    await new Promise(process.nextTick);
    const bodies = test.transport.take().map((m) => m.body);
    expect(bodies).toContainEqual({ type: 'error', in_reply_to: 1, code: 20, text: 'no such key' });
    expect(bodies).toContainEqual(expect.objectContaining({ type: 'error', in_reply_to: 2, code: 13 }));
    expect(bodies).toContainEqual({ type: 'generate_ok', id: 1, in_reply_to: 3 });
    expect(test.logger.lines.some((l) => l.includes("handler for 'add' failed") && l.includes('boom'))).toBe(
      true,
    );
  });

  it('holds messages that arrive before init and handles them after it', () => {
    const test = started();
    const seen: string[] = [];
    test.node.handle('gossip', (req) => {
      seen.push(`${test.node.id}:${String(req.body['value'])}`);
    });
    test.transport.deliver({ src: 'n1', dest: 'n0', body: { type: 'gossip', value: 7 } });
    expect(seen).toEqual([]);
    expect(test.transport.written).toEqual([]);
    initNode(test, 'n0', ['n0', 'n1']);
    expect(seen).toEqual(['n0:7']);
  });

  it('handles a peer-only type from other nodes and refuses it from anyone else', () => {
    const test = started();
    const seen: string[] = [];
    test.node.handlePeer('gossip', (req) => {
      seen.push(req.src);
    });
    initNode(test, 'n0', ['n0', 'n1']);
    test.transport.deliver({ src: 'n1', dest: 'n0', body: { type: 'gossip' } });
    for (const src of ['c9', 'n0', 'n7', 'lin-kv']) {
      test.transport.deliver({ src, dest: 'n0', body: { type: 'gossip', msg_id: 4 } });
    }
    test.transport.deliver({ src: 'c9', dest: 'n0', body: { type: 'gossip' } });
    expect(seen).toEqual(['n1']);
    expect(test.transport.take().map((m) => [m.dest, m.body['in_reply_to'], m.body['code']])).toEqual([
      ['c9', 4, 10],
      ['n0', 4, 10],
      ['n7', 4, 10],
      ['lin-kv', 4, 10],
    ]);
    expect(test.logger.lines.filter((l) => l.includes("refusing 'gossip'"))).toHaveLength(5);
  });

  it('runs init listeners once the node knows its id', () => {
    const test = started();
    const ids: string[] = [];
    test.node.onInit(() => ids.push(test.node.id));
    initNode(test, 'n3', ['n3']);
    test.node.onInit(() => ids.push(`late ${test.node.id}`));
    expect(ids).toEqual(['n3', 'late n3']);
  });

  describe('rpc', () => {
    it('numbers requests from 1 and resolves with the matching reply', async () => {
      const test = started();
      initNode(test);
      const first = test.node.rpc('n1', { type: 'ping' });
      const second = test.node.rpc('n2', { type: 'ping' });
      const sent = test.transport.take();
      expect(sent.map((m) => [m.dest, m.body['msg_id']])).toEqual([
        ['n1', 1],
        ['n2', 2],
      ]);
      test.transport.deliver({ src: 'n2', dest: 'n0', body: { type: 'pong', in_reply_to: 2, from: 'n2' } });
      test.transport.deliver({ src: 'n1', dest: 'n0', body: { type: 'pong', in_reply_to: 1, from: 'n1' } });
      await expect(first).resolves.toEqual({ type: 'pong', in_reply_to: 1, from: 'n1' });
      await expect(second).resolves.toMatchObject({ from: 'n2' });
      expect(test.node.pendingRpcCount).toBe(0);
      expect(test.time.pendingTimers).toBe(0);
    });

    it('rejects with the error a reply carries', async () => {
      const test = started();
      initNode(test);
      const call = test.node.rpc('lin-kv', { type: 'read', key: 'x' });
      test.transport.deliver({
        src: 'lin-kv',
        dest: 'n0',
        body: { type: 'error', in_reply_to: 1, code: 20, text: 'key does not exist' },
      });
      await expect(call).rejects.toMatchObject({ code: 20, message: 'key does not exist', definite: true });
    });

    it('rejects with a timeout error, forgets the call, and drops a late reply with a log line', async () => {
      const test = started();
      initNode(test);
      const call = test.node.rpc('n1', { type: 'ping' }, { timeoutMs: 500 });
      test.time.advance(499);
      expect(test.node.pendingRpcCount).toBe(1);
      test.time.advance(1);
      await expect(call).rejects.toBeInstanceOf(RpcTimeoutError);
      await expect(call).rejects.toMatchObject({ code: 0, definite: false });
      expect(test.node.pendingRpcCount).toBe(0);
      test.transport.deliver({ src: 'n1', dest: 'n0', body: { type: 'pong', in_reply_to: 1 } });
      expect(test.logger.lines.some((l) => l.includes('no rpc to n1 awaits msg 1'))).toBe(true);
      expect(test.transport.written).toHaveLength(1);
    });

    it('rejects outstanding calls when the input closes', async () => {
      const test = started();
      initNode(test);
      const call = test.node.rpc('n1', { type: 'ping' });
      test.transport.close();
      await expect(call).rejects.toMatchObject({ code: 13 });
      expect(test.time.pendingTimers).toBe(0);
    });
  });

  it('sends fire-and-forget messages from its own id', () => {
    const test = started();
    initNode(test, 'n2', ['n1', 'n2']);
    test.node.send('n1', { type: 'gossip', values: [1] });
    expect(test.transport.take()).toEqual([{ src: 'n2', dest: 'n1', body: { type: 'gossip', values: [1] } }]);
  });

  it('refuses to register a type twice', () => {
    const { node } = started();
    node.handle('echo', () => undefined);
    expect(() => node.handle('echo', () => undefined)).toThrow(/already registered/);
  });

  describe('on hostile input and broken handlers', () => {
    const echoing = () => {
      const test = started();
      test.node.handle('echo', (req) => ({ type: 'echo_ok', echo: req.body.echo }));
      initNode(test);
      return test;
    };
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    it('answers an echo nested 4,500 levels deep with error 12 and keeps serving', () => {
      const test = echoing();
      test.transport.deliver(
        `{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":2,"echo":${nested(4_500)}}}`,
      );
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'echo', msg_id: 3, echo: 'ok' } });
      expect(test.transport.take().map((m) => m.body)).toEqual([
        expect.objectContaining({ type: 'error', in_reply_to: 2, code: 12 }),
        { type: 'echo_ok', echo: 'ok', in_reply_to: 3 },
      ]);
    });

    it.each([
      ['a bigint', () => 1n],
      ['a value nested 100,000 levels deep', () => JSON.parse(nested(100_000)) as unknown],
    ])('answers error 13 when a reply holding %s cannot be encoded', async (_case, value) => {
      const test = started();
      test.node.handle('read', () => ({ type: 'read_ok', value: value() }));
      test.node.handle('add', async () => ({ type: 'add_ok', value: value() }));
      initNode(test);
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'read', msg_id: 2 } });
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'add', msg_id: 3, delta: 1 } });
      await new Promise(process.nextTick);
      expect(test.transport.take().map((m) => [m.body['in_reply_to'], m.body['code']])).toEqual([
        [2, 13],
        [3, 13],
      ]);
      expect(test.logger.lines.filter((l) => l.startsWith('ERROR'))).toHaveLength(2);
    });

    it('replies to an integer msg_id above 2^53 with error 12 carrying its exact digits', () => {
      const test = echoing();
      test.transport.deliver(
        '{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":9007199254740993,"echo":1}}',
      );
      const [line] = test.transport.written;
      expect(line).toContain('"in_reply_to":9007199254740993}');
      expect(JSON.parse(line)).toMatchObject({ src: 'n0', dest: 'c1', body: { type: 'error', code: 12 } });
    });

    it('quotes only the start of a huge unknown type or envelope field in its error reply', () => {
      const test = echoing();
      const huge = 'x'.repeat(100_000);
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: huge, msg_id: 2 } });
      test.transport.deliver(
        `{"src":"c1","dest":"n0","${huge}":1,"body":{"type":"echo","msg_id":3,"echo":1}}`,
      );
      const texts = test.transport.take().map((m) => String(m.body['text']));
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(text.length).toBeLessThan(100);
    });

    it('keeps stack traces out of error 13 replies and writes them to the log', async () => {
      const test = started();
      test.node.handle('read', () => {
        throw new RangeError('count would exceed Number.MAX_SAFE_INTEGER');
      });
      initNode(test);
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'read', msg_id: 2 } });
      const [reply] = test.transport.take();
      expect(reply.body).toEqual({
        type: 'error',
        in_reply_to: 2,
        code: 13,
        text: 'internal error: RangeError: count would exceed Number.MAX_SAFE_INTEGER',
      });
      expect(test.logger.lines.some((l) => l.startsWith('ERROR') && l.includes('node.spec.ts'))).toBe(true);
    });

    it('drops, with a log line, a message it cannot encode instead of throwing', async () => {
      const test = started();
      initNode(test);
      expect(() => test.node.send('n1', { type: 'gossip', value: 1n })).not.toThrow();
      await expect(test.node.rpc('n1', { type: 'ping', value: 1n })).rejects.toMatchObject({ code: 13 });
      expect(test.transport.written).toEqual([]);
      expect(test.node.pendingRpcCount).toBe(0);
      expect(test.time.pendingTimers).toBe(0);
      expect(test.logger.lines.filter((l) => l.startsWith('ERROR'))).toHaveLength(2);
    });

    it('settles an rpc only with a reply from the node it was sent to', async () => {
      const test = started();
      initNode(test);
      const call = test.node.rpc('lin-kv', { type: 'read', key: 'x' });
      test.transport.deliver({
        src: 'c1',
        dest: 'n0',
        body: { type: 'read_ok', in_reply_to: 1, value: 'forged' },
      });
      expect(test.node.pendingRpcCount).toBe(1);
      test.transport.deliver({
        src: 'lin-kv',
        dest: 'n0',
        body: { type: 'read_ok', in_reply_to: 1, value: 7 },
      });
      await expect(call).resolves.toMatchObject({ value: 7 });
    });

    it('lets nothing thrown while handling a line escape to the transport', () => {
      const test = started();
      test.node.onInit(() => {
        throw new Error('listener failed');
      });
      expect(() => initNode(test)).not.toThrow();
      expect(test.logger.lines.some((l) => l.startsWith('ERROR') && l.includes('listener failed'))).toBe(
        true,
      );
    });
  });
});
