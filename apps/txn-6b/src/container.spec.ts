import { startApp } from '@glomers/runtime';
import { createContainer, OPTIONS } from './container';

describe('txn-6b composition root', () => {
  it('commits a txn locally at once and replicates its writes to the peer within one flush interval', () => {
    const { transport, time } = startApp(createContainer, 'n0', ['n0', 'n1']);
    transport.deliver({
      src: 'c1',
      dest: 'n0',
      body: {
        type: 'txn',
        msg_id: 2,
        txn: [
          ['w', 1, 4],
          ['r', 1, null],
        ],
      },
    });
    time.advance(OPTIONS.flushIntervalMs);
    const sent = transport.take();
    expect(sent[0]).toEqual({
      src: 'n0',
      dest: 'c1',
      body: {
        type: 'txn_ok',
        txn: [
          ['w', 1, 4],
          ['r', 1, 4],
        ],
        in_reply_to: 2,
      },
    });
    expect(sent.filter((m) => m.dest === 'n1').map((m) => m.body['type'])).toEqual(['txn_replicate']);
  });
});
