import {
  decodeLine,
  encodeMessage,
  encodeReply,
  encodeRequest,
  MAX_MESSAGE_DEPTH,
  type DecodeResult,
} from './codec';
import { ERROR_CODES, ErrorCode, errorCodeInfo, isDefinite } from './error-codes';
import { WORKLOAD_REQUEST_SHAPES } from './schemas';
import { is } from './shape';

const line = (body: object, envelope: object = {}) =>
  JSON.stringify({ src: 'c1', dest: 'n0', body, ...envelope });

function reasonOf(result: DecodeResult): string {
  if (result.ok) throw new Error('expected a decode error');
  return result.error.reason;
}

/** A valid request of every workload type, as Maelstrom sends it. */
const validRequests: Record<keyof typeof WORKLOAD_REQUEST_SHAPES, object> = {
  init: { type: 'init', msg_id: 1, node_id: 'n0', node_ids: ['n0', 'n1'] },
  echo: { type: 'echo', msg_id: 2, echo: 'Please echo 35' },
  generate: { type: 'generate', msg_id: 3 },
  topology: { type: 'topology', msg_id: 4, topology: { n0: ['n1'], n1: ['n0'] } },
  broadcast: { type: 'broadcast', msg_id: 5, message: 1000 },
  read: { type: 'read', msg_id: 6 },
  add: { type: 'add', msg_id: 7, delta: 3 },
  send: { type: 'send', msg_id: 8, key: 'k1', msg: 123 },
  poll: { type: 'poll', msg_id: 9, offsets: { k1: 0, k2: 7 } },
  commit_offsets: { type: 'commit_offsets', msg_id: 10, offsets: { k1: 1 } },
  list_committed_offsets: { type: 'list_committed_offsets', msg_id: 11, keys: ['k1', 'k2'] },
  txn: {
    type: 'txn',
    msg_id: 12,
    txn: [
      ['r', 1, null],
      ['w', 1, 6],
      ['w', 2, 9],
    ],
  },
  write: { type: 'write', msg_id: 13, key: 'x', value: [1, 2] },
  cas: { type: 'cas', msg_id: 14, key: 'x', from: 1, to: 2, create_if_not_exists: true },
  ts: { type: 'ts', msg_id: 15 },
};

/** For every type, requests that break its shape, each with the field named in the error. */
const invalidRequests: Array<[string, object, string]> = [
  ['init without node_ids', { type: 'init', msg_id: 1, node_id: 'n0' }, "'node_ids'"],
  ['init with a numeric node id', { type: 'init', msg_id: 1, node_id: 0, node_ids: [] }, "'node_id'"],
  ['echo without echo', { type: 'echo', msg_id: 1 }, "'echo'"],
  ['topology with a non-array', { type: 'topology', msg_id: 1, topology: { n0: 'n1' } }, "'topology'"],
  ['broadcast of a string', { type: 'broadcast', msg_id: 1, message: 'x' }, "'message'"],
  ['add of a float', { type: 'add', msg_id: 1, delta: 1.5 }, "'delta'"],
  ['send without key', { type: 'send', msg_id: 1, msg: 1 }, "'key'"],
  ['send with a numeric key', { type: 'send', msg_id: 1, key: 3, msg: 1 }, "'key'"],
  ['poll with a negative offset', { type: 'poll', msg_id: 1, offsets: { k: -1 } }, "'offsets'"],
  ['poll with a fractional offset', { type: 'poll', msg_id: 1, offsets: { k: 0.5 } }, "'offsets'"],
  ['commit_offsets as an array', { type: 'commit_offsets', msg_id: 1, offsets: [1] }, "'offsets'"],
  ['list_committed_offsets of numbers', { type: 'list_committed_offsets', msg_id: 1, keys: [1] }, "'keys'"],
  ['txn with a 2-element micro-op', { type: 'txn', msg_id: 1, txn: [['r', 1]] }, "'txn'"],
  ['txn with an unknown op', { type: 'txn', msg_id: 1, txn: [['x', 1, 2]] }, "'txn'"],
  ['txn with a string key', { type: 'txn', msg_id: 1, txn: [['w', 'k', 2]] }, "'txn'"],
  ['txn write of null', { type: 'txn', msg_id: 1, txn: [['w', 1, null]] }, "'txn'"],
  ['write without value', { type: 'write', msg_id: 1, key: 'x' }, "'value'"],
  [
    'cas with a string flag',
    { type: 'cas', msg_id: 1, key: 'x', from: 1, to: 2, create_if_not_exists: 'y' },
    "'create_if_not_exists'",
  ],
];

describe('decodeLine', () => {
  it.each(Object.entries(validRequests))(
    'accepts a valid %s request and keeps every field',
    (_type, body) => {
      const result = decodeLine(line(body, { id: 7 }));
      expect(result).toEqual({ ok: true, message: { id: 7, src: 'c1', dest: 'n0', body } });
    },
  );

  it.each(invalidRequests)('rejects %s, naming the field', (_name, body, field) => {
    const result = decodeLine(line(body));
    expect(reasonOf(result)).toContain(field);
    expect(result.ok || result.error.replyTo).toEqual({ src: 'n0', dest: 'c1', msgId: 1 });
  });

  it.each([
    ['not JSON', '{"src":', 'not JSON'],
    ['a JSON array', '[1,2]', 'JSON object'],
    ['a missing src', JSON.stringify({ dest: 'n0', body: { type: 'echo', msg_id: 1, echo: 1 } }), "'src'"],
    ['a numeric dest', JSON.stringify({ src: 'c1', dest: 0, body: { type: 'echo' } }), "'dest'"],
    ['a non-object body', JSON.stringify({ src: 'c1', dest: 'n0', body: 'hi' }), "'body'"],
    ['a fractional id', line({ type: 'echo', echo: 1 }, { id: 1.5 }), "'id'"],
    ['an extra envelope field', line({ type: 'echo', echo: 1 }, { extra: true }), "'extra'"],
    ['a missing type', line({ msg_id: 1 }), "'type'"],
    ['a string msg_id', line({ type: 'echo', msg_id: '1', echo: 1 }), "'msg_id'"],
    ['a string in_reply_to', line({ type: 'read_ok', in_reply_to: 'x' }), "'in_reply_to'"],
  ])('rejects %s', (_name, text, reason) => {
    expect(reasonOf(decodeLine(text))).toContain(reason);
  });

  it('gives a reply address only when the sender and msg_id can be read', () => {
    const noMsgId = decodeLine(line({ type: 'add', delta: 'x' }));
    expect(noMsgId.ok || noMsgId.error.replyTo).toBeUndefined();
    const noSrc = decodeLine(JSON.stringify({ dest: 'n0', body: { type: 'add', msg_id: 4 } }));
    expect(noSrc.ok || noSrc.error.replyTo).toBeUndefined();
    const readable = decodeLine(JSON.stringify({ src: 'c3', dest: 'n0', body: { type: 'add', msg_id: 4 } }));
    expect(readable.ok || readable.error.replyTo).toEqual({ src: 'n0', dest: 'c3', msgId: 4 });
  });

  it('does not check reply bodies against request shapes', () => {
    expect(decodeLine(line({ type: 'read_ok', in_reply_to: 3, value: 4 })).ok).toBe(true);
    expect(decodeLine(line({ type: 'read_ok', in_reply_to: null, value: 4 })).ok).toBe(true);
  });

  it('checks node-specific types against the shapes it is given', () => {
    const shapes = new Map([['gossip', { values: is.arrayOf(is.int) }]]);
    expect(decodeLine(line({ type: 'gossip', values: [1, 2] }), shapes).ok).toBe(true);
    expect(reasonOf(decodeLine(line({ type: 'gossip', values: ['a'] }), shapes))).toContain(
      "gossip: field 'values'",
    );
    expect(decodeLine(line({ type: 'gossip', values: ['a'] })).ok).toBe(true);
  });

  it('never throws, whatever the input', () => {
    for (const text of [
      '',
      ' ',
      'null',
      '1',
      '"s"',
      '{}',
      '{"body":{}}',
      '\u0000',
      '{"src":"a","dest":"b","body":{"type":1}}',
    ]) {
      expect(() => decodeLine(text)).not.toThrow();
      expect(decodeLine(text).ok).toBe(false);
    }
  });
});

describe('encodeMessage', () => {
  it('writes one line that decodes back to the same message', () => {
    const message = { src: 'n0', dest: 'c1', body: { type: 'echo_ok', in_reply_to: 2, echo: 'line\nbreak' } };
    const text = encodeMessage(message);
    expect(text).not.toContain('\n');
    expect(decodeLine(text)).toEqual({ ok: true, message });
  });
});

describe('error codes', () => {
  it('lists every Maelstrom code with its name and definiteness', () => {
    expect(ERROR_CODES.map((c) => [c.code, c.name, c.definite])).toEqual([
      [0, 'timeout', false],
      [1, 'node-not-found', true],
      [10, 'not-supported', true],
      [11, 'temporarily-unavailable', true],
      [12, 'malformed-request', true],
      [13, 'crash', false],
      [14, 'abort', true],
      [20, 'key-does-not-exist', true],
      [21, 'key-already-exists', true],
      [22, 'precondition-failed', true],
      [30, 'txn-conflict', true],
    ]);
    expect(Object.values(ErrorCode).sort((a, b) => a - b)).toEqual(ERROR_CODES.map((c) => c.code));
  });

  it('treats unknown and user codes as indefinite', () => {
    expect(isDefinite(ErrorCode.PreconditionFailed)).toBe(true);
    expect(isDefinite(ErrorCode.Crash)).toBe(false);
    expect(isDefinite(1000)).toBe(false);
    expect(isDefinite(999)).toBe(false);
    expect(errorCodeInfo(12)?.name).toBe('malformed-request');
    expect(errorCodeInfo(5)).toBeUndefined();
  });
});

describe('encodeReply / encodeRequest', () => {
  it('add in_reply_to or msg_id to the body and decode back to the same message', () => {
    const body = { type: 'read_ok', messages: [1, 2], note: 'a "quoted" \\ value' };
    expect(JSON.parse(encodeReply('n0', 'c"1', body, 7))).toEqual({
      src: 'n0',
      dest: 'c"1',
      body: { ...body, in_reply_to: 7 },
    });
    expect(JSON.parse(encodeRequest('n0', 'lin-kv', { type: 'read', key: 'k' }, 3))).toEqual({
      src: 'n0',
      dest: 'lin-kv',
      body: { type: 'read', key: 'k', msg_id: 3 },
    });
  });

  it('handles a body with no other fields', () => {
    expect(JSON.parse(encodeReply('n0', 'c1', {}, 1))).toEqual({
      src: 'n0',
      dest: 'c1',
      body: { in_reply_to: 1 },
    });
  });
});

describe('hostile lines', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const deepEcho = (depth: number) =>
    `{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":9,"echo":${nested(depth)}}}`;

  it('rejects a line nested deeper than MAX_MESSAGE_DEPTH, with a reply address', () => {
    const result = decodeLine(deepEcho(4_500));
    expect(reasonOf(result)).toContain(`deeper than ${MAX_MESSAGE_DEPTH}`);
    expect(result.ok || result.error.replyTo).toEqual({ src: 'n0', dest: 'c1', msgId: 9 });
  });

  it('accepts a line exactly MAX_MESSAGE_DEPTH deep, the envelope counting as level 1', () => {
    expect(decodeLine(deepEcho(MAX_MESSAGE_DEPTH - 2)).ok).toBe(true);
    expect(decodeLine(deepEcho(MAX_MESSAGE_DEPTH - 1)).ok).toBe(false);
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = line({ type: 'echo', msg_id: 1, echo: '['.repeat(5_000) + '"\\"{' });
    expect(decodeLine(text).ok).toBe(true);
  });

  it('answers an integer msg_id above 2^53 with its exact digits', () => {
    const text = '{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":9007199254740993,"echo":1}}';
    const result = decodeLine(text);
    expect(reasonOf(result)).toContain('msg_id');
    expect(result.ok || result.error.replyTo).toEqual({ src: 'n0', dest: 'c1', msgId: 9007199254740993n });
    expect(encodeReply('n0', 'c1', { type: 'error' }, 9007199254740993n)).toContain(
      '"in_reply_to":9007199254740993}',
    );
  });

  it('gives no reply address for a msg_id that is not an integer literal', () => {
    for (const msgId of ['1e300', '1.5', '"7"', 'null', '-9007199254740993.0']) {
      const result = decodeLine(`{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":${msgId},"echo":1}}`);
      expect(result.ok || result.error.replyTo).toBeUndefined();
    }
  });
});
