import type { Body } from '@glomers/protocol';
import { outcomeOf } from '../src/lib/outcome';
import { replyProblem, RpcErrorReply, RpcTimeout, type RpcConnection } from '../src/lib/rpc';
import type { Invocation } from '../src/lib/workload';
import { TXN_OK, txnClient } from '../src/workloads/txn-rw-register/client';
import { txnRwRegister } from '../src/workloads/txn-rw-register';

const invocation: Invocation = {
  index: 0,
  time: 0,
  process: 0,
  type: 'invoke',
  f: 'txn',
  value: [
    ['r', 1, null],
    ['w', 1, 6],
  ],
};

function connection(answer: (body: Record<string, unknown>) => Body): {
  conn: RpcConnection;
  sent: unknown[];
} {
  const sent: unknown[] = [];
  const conn: RpcConnection = {
    id: 'c3',
    node: 'n0',
    rpc: async (body, schema) => {
      sent.push(body);
      const reply = answer(body as Record<string, unknown>);
      const problem = replyProblem({ ...reply, in_reply_to: 1 }, schema);
      if (problem) throw new Error(problem);
      return reply;
    },
  };
  return { conn, sent };
}

describe('txn-rw-register client', () => {
  it('sends the txn and completes ok with the txn the node returned', async () => {
    const { conn, sent } = connection(() => ({
      type: 'txn_ok',
      txn: [
        ['r', 1, 3],
        ['w', 1, 6],
      ],
    }));
    await expect(txnClient(conn).invoke(invocation)).resolves.toEqual({
      type: 'ok',
      value: [
        ['r', 1, 3],
        ['w', 1, 6],
      ],
    });
    expect(sent).toEqual([{ type: 'txn', txn: invocation.value }]);
  });

  it('checks replies against a closed schema of 3-element r/w micro-ops', () => {
    const ok = (body: Record<string, unknown>) => replyProblem({ in_reply_to: 1, ...body }, TXN_OK);
    expect(
      ok({
        type: 'txn_ok',
        txn: [
          ['r', 1, null],
          ['w', 'k', [1, 2]],
        ],
      }),
    ).toBeUndefined();
    expect(ok({ type: 'txn_ok', txn: [['r', 1]] })).toMatch(/txn/);
    expect(ok({ type: 'txn_ok', txn: [['r', 1, 2, 3]] })).toMatch(/txn/);
    expect(ok({ type: 'txn_ok', txn: [['append', 1, 2]] })).toMatch(/txn/);
    expect(ok({ type: 'txn_ok', txn: [], extra: 1 })).toMatch(/unexpected field 'extra'/);
    expect(ok({ type: 'txn_ok' })).toMatch(/missing field 'txn'/);
  });

  it('maps txn-conflict (30) to fail, timeouts and indefinite errors to info (nothing is idempotent)', () => {
    const error = (code: number) => new RpcErrorReply({ type: 'error', in_reply_to: 1, code, text: 'x' });
    expect(outcomeOf(txnRwRegister, 'txn', error(30)).type).toBe('fail');
    expect(outcomeOf(txnRwRegister, 'txn', error(11)).type).toBe('fail');
    expect(outcomeOf(txnRwRegister, 'txn', error(13)).type).toBe('info');
    expect(outcomeOf(txnRwRegister, 'txn', error(1000)).type).toBe('info');
    expect(outcomeOf(txnRwRegister, 'txn', new RpcTimeout(5000))).toEqual({
      type: 'info',
      error: 'net-timeout',
    });
    expect(txnRwRegister.reusableClient).toBe(true);
  });
});
