import { startApp } from '@glomers/runtime';
import { createContainer, OPTIONS } from './container';

describe('broadcast-3d composition root', () => {
  it('stores a broadcast value, serves it on read, and gossips it to its peer within one flush interval', () => {
    const { transport, time } = startApp(createContainer, 'n1', ['n0', 'n1']);
    transport.deliver({ src: 'c1', dest: 'n1', body: { type: 'broadcast', msg_id: 2, message: 7 } });
    transport.deliver({ src: 'c1', dest: 'n1', body: { type: 'read', msg_id: 3 } });
    time.advance(OPTIONS.flushIntervalMs);
    const sent = transport.take();
    expect(sent.filter((m) => m.dest === 'c1').map((m) => m.body)).toEqual([
      { type: 'broadcast_ok', in_reply_to: 2 },
      { type: 'read_ok', messages: [7], in_reply_to: 3 },
    ]);
    expect(sent.filter((m) => m.dest === 'n0').map((m) => m.body['values'])).toEqual([[7]]);
  });
});
