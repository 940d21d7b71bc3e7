import { is } from '@glomers/protocol';
import { outcomeOf } from '../src/lib/outcome';
import { MalformedReply, replyProblem, replySchema, RpcErrorReply, RpcTimeout } from '../src/lib/rpc';

describe('closed reply schemas', () => {
  const schema = replySchema('read_ok', { value: is.int });

  it('accepts exactly type, in_reply_to, optional msg_id and the listed fields', () => {
    expect(replyProblem({ type: 'read_ok', in_reply_to: 1, value: 3 }, schema)).toBeUndefined();
    expect(replyProblem({ type: 'read_ok', in_reply_to: 1, msg_id: 9, value: 3 }, schema)).toBeUndefined();
  });

  it.each([
    [{ type: 'read_ok', in_reply_to: 1, value: 3, extra: true }, "unexpected field 'extra'"],
    [{ type: 'read_ok', in_reply_to: 1 }, "missing field 'value'"],
    [{ type: 'read_ok', in_reply_to: 1, value: 'x' }, "field 'value' must be an integer"],
    [{ type: 'read_ok', value: 3 }, "'in_reply_to' must be an integer"],
    [{ type: 'write_ok', in_reply_to: 1, value: 3 }, 'type must be "read_ok"'],
    [{ type: 'read_ok', in_reply_to: 1, msg_id: 'a', value: 3 }, "'msg_id' must be an integer"],
    [JSON.parse('{"type":"read_ok","in_reply_to":1,"value":3,"toString":1}'), "unexpected field 'toString'"],
    [
      JSON.parse('{"type":"read_ok","in_reply_to":1,"value":3,"__proto__":1}'),
      "unexpected field '__proto__'",
    ],
  ])('rejects %j', (body, problem) => {
    expect(replyProblem(body, schema)).toContain(problem);
  });
});

describe('outcome table (§1.6)', () => {
  const plain = { idempotent: new Set(['read']) };
  const timeout = new RpcTimeout(5000);
  const definite = new RpcErrorReply({ type: 'error', code: 11, text: 'no quorum' });
  const indefinite = new RpcErrorReply({ type: 'error', code: 13, text: 'boom' });
  const custom = new RpcErrorReply({ type: 'error', code: 1000 });
  const malformed = new MalformedReply({}, "unexpected field 'x'");

  it('maps errors of non-idempotent ops', () => {
    expect(outcomeOf(plain, 'broadcast', timeout)).toEqual({ type: 'info', error: 'net-timeout' });
    expect(outcomeOf(plain, 'broadcast', definite)).toEqual({
      type: 'fail',
      error: ['temporarily-unavailable', 'no quorum'],
    });
    expect(outcomeOf(plain, 'broadcast', indefinite)).toEqual({ type: 'info', error: ['crash', 'boom'] });
    expect(outcomeOf(plain, 'broadcast', custom)).toEqual({ type: 'info', error: ['unknown', null] });
  });

  it('maps errors and timeouts of idempotent ops to fail', () => {
    expect(outcomeOf(plain, 'read', timeout).type).toBe('fail');
    expect(outcomeOf(plain, 'read', indefinite).type).toBe('fail');
  });

  it('makes exceptions info with an exception, even for idempotent ops', () => {
    const outcome = outcomeOf(plain, 'read', malformed);
    expect(outcome.type).toBe('info');
    expect(outcome.exception).toContain('malformed-rpc-response');
  });

  it('makes every error info with an exception for counter workloads', () => {
    const counter = { idempotent: new Set<string>(), errorsAreInfo: true };
    for (const error of [timeout, definite, indefinite]) {
      const outcome = outcomeOf(counter, 'add', error);
      expect(outcome.type).toBe('info');
      expect(outcome.exception).toBeDefined();
    }
  });
});
