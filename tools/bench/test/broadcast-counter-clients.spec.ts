import { SeededRandom } from '@glomers/sim';
import { outcomeOf } from '../src/lib/outcome';
import {
  MalformedReply,
  replyProblem,
  RpcErrorReply,
  RpcTimeout,
  type ReplySchema,
  type RequestBody,
  type RpcConnection,
} from '../src/lib/rpc';
import type { Invocation, TestOptions, Workload } from '../src/lib/workload';
import { broadcast } from '../src/workloads/broadcast';
import { gCounter } from '../src/workloads/g-counter';
import { pnCounter } from '../src/workloads/pn-counter';

const options: TestOptions = {
  workload: 'broadcast',
  nodeIds: ['n0', 'n1', 'n2', 'n3', 'n4'],
  concurrency: 5,
  rate: 5,
  timeLimitS: 10,
  topology: 'line',
  availability: undefined,
  consistencyModels: ['strict-serializable'],
  maxTxnLength: 4,
  maxWritesPerKey: 16,
  keyCount: undefined,
  nemesis: [],
};

/** A connection that answers every request with `reply` (plus in_reply_to), checked as the real one checks it. */
function connection(reply: RequestBody): RpcConnection & { readonly sent: RequestBody[] } {
  const sent: RequestBody[] = [];
  return {
    id: 'c9',
    node: 'n0',
    sent,
    rpc: (body: RequestBody, schema: ReplySchema) => {
      sent.push(body);
      const full = { ...reply, in_reply_to: 1 };
      const problem = replyProblem(full, schema);
      return problem ? Promise.reject(new MalformedReply(full, problem)) : Promise.resolve(full);
    },
  };
}

function invoke(workload: Workload, conn: RpcConnection, f: string, value: unknown): Promise<unknown> {
  const op: Invocation = { index: 0, time: 0, process: 0, type: 'invoke', f, value };
  return workload.client({ options, random: new SeededRandom(1), conn, thread: 0 }).invoke(op);
}

describe('broadcast client', () => {
  it('sends broadcast with the value as message and accepts a bare broadcast_ok', async () => {
    const conn = connection({ type: 'broadcast_ok' });
    await expect(invoke(broadcast, conn, 'broadcast', 4)).resolves.toEqual({ type: 'ok' });
    expect(conn.sent).toEqual([{ type: 'broadcast', message: 4 }]);
  });

  it('returns the messages a read_ok carries; null (a Go nil slice) passes as Maelstrom lets it', async () => {
    await expect(
      invoke(broadcast, connection({ type: 'read_ok', messages: [3, 1] }), 'read', null),
    ).resolves.toEqual({ type: 'ok', value: [3, 1] });
    await expect(
      invoke(broadcast, connection({ type: 'read_ok', messages: null }), 'read', null),
    ).resolves.toEqual({
      type: 'ok',
      value: null,
    });
  });

  it.each<[string, RequestBody]>([
    ['an extra field on broadcast_ok', { type: 'broadcast_ok', messages: [] }],
    ['the wrong reply type', { type: 'read_ok', messages: [] }],
  ])('rejects %s', async (_, reply) => {
    await expect(invoke(broadcast, connection(reply), 'broadcast', 1)).rejects.toBeInstanceOf(MalformedReply);
  });

  it.each<[string, RequestBody]>([
    ['missing messages', { type: 'read_ok' }],
    ['messages that are not a list', { type: 'read_ok', messages: 'x' }],
    ['an extra field', { type: 'read_ok', messages: [], value: 1 }],
  ])('rejects a read_ok with %s', async (_, reply) => {
    await expect(invoke(broadcast, connection(reply), 'read', null)).rejects.toBeInstanceOf(MalformedReply);
  });

  it('sends each node the whole topology in setup and wants a bare topology_ok', async () => {
    const conn = connection({ type: 'topology_ok' });
    await broadcast.setup?.({ options, random: new SeededRandom(1), conn });
    expect(conn.sent).toEqual([
      {
        type: 'topology',
        topology: { n0: ['n1'], n4: ['n3'], n1: ['n0', 'n2'], n2: ['n1', 'n3'], n3: ['n2', 'n4'] },
      },
    ]);
    const chatty = connection({ type: 'topology_ok', note: 'hi' });
    await expect(
      broadcast.setup?.({ options, random: new SeededRandom(1), conn: chatty }),
    ).rejects.toBeInstanceOf(MalformedReply);
  });

  it('maps errors as Maelstrom: a read that fails or times out is fail, a broadcast is info unless definite', () => {
    const timeout = new RpcTimeout(5000);
    expect(outcomeOf(broadcast, 'read', timeout).type).toBe('fail');
    expect(outcomeOf(broadcast, 'broadcast', timeout).type).toBe('info');
    expect(outcomeOf(broadcast, 'broadcast', new RpcErrorReply({ type: 'error', code: 11 })).type).toBe(
      'fail',
    );
    expect(outcomeOf(broadcast, 'broadcast', new RpcErrorReply({ type: 'error', code: 13 })).type).toBe(
      'info',
    );
  });
});

describe('counter clients', () => {
  it.each([gCounter, pnCounter])(
    '$name: sends add with the value as delta, read with nothing else',
    async (w) => {
      const adds = connection({ type: 'add_ok' });
      await expect(invoke(w, adds, 'add', 3)).resolves.toEqual({ type: 'ok' });
      expect(adds.sent).toEqual([{ type: 'add', delta: 3 }]);
      const reads = connection({ type: 'read_ok', value: 12 });
      await expect(invoke(w, reads, 'read', null)).resolves.toEqual({ type: 'ok', value: 12 });
      expect(reads.sent).toEqual([{ type: 'read' }]);
    },
  );

  it.each<[string, RequestBody]>([
    ['a fractional value', { type: 'read_ok', value: 2.5 }],
    ['a string value', { type: 'read_ok', value: '2' }],
    ['no value', { type: 'read_ok' }],
    ['an extra field', { type: 'read_ok', value: 2, messages: [] }],
  ])('rejects a read_ok with %s', async (_, reply) => {
    await expect(invoke(gCounter, connection(reply), 'read', null)).rejects.toBeInstanceOf(MalformedReply);
  });

  it.each([gCounter, pnCounter])('$name: every error and timeout is info, with an exception', (w) => {
    for (const thrown of [new RpcTimeout(5000), new RpcErrorReply({ type: 'error', code: 11 })]) {
      for (const f of ['add', 'read']) {
        const outcome = outcomeOf(w, f, thrown);
        expect(outcome.type).toBe('info');
        expect(outcome.exception).toBeDefined();
      }
    }
  });
});
