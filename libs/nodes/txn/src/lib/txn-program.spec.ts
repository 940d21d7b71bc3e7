import { SimNetwork } from '@glomers/runtime';
import { txnModule } from './txn-module';
import type { TxnNodeOptions } from './txn-options';
import { TXN_DEFAULTS } from './txn-presets';

const options: TxnNodeOptions = { flushIntervalMs: 20, retryAfterMs: 200 };

function txn(net: SimNetwork, node: string, ops: unknown[]): Record<string, unknown> | undefined {
  return net.replyTo(net.fromClient(node, { type: 'txn', txn: ops }));
}

describe('TxnProgram', () => {
  it('answers a txn at once with its reads filled in, seeing its own writes', () => {
    const net = new SimNetwork(['n0'], [txnModule(options)]);
    expect(
      txn(net, 'n0', [
        ['r', 1, null],
        ['w', 1, 5],
        ['r', 1, null],
      ]),
    ).toMatchObject({
      type: 'txn_ok',
      txn: [
        ['r', 1, null],
        ['w', 1, 5],
        ['r', 1, 5],
      ],
    });
    expect(txn(net, 'n0', [['r', 1, null]])).toMatchObject({ txn: [['r', 1, 5]] });
  });

  it('replicates committed writes to every peer, also across a healed partition (the challenges’ options)', () => {
    const net = new SimNetwork(['n0', 'n1', 'n2'], [txnModule(TXN_DEFAULTS)], { latencyMs: 5 });
    net.isolate(['n2']);
    txn(net, 'n0', [['w', 1, 10]]);
    txn(net, 'n2', [['w', 2, 20]]);
    net.time.advance(1000);
    expect(
      txn(net, 'n1', [
        ['r', 1, null],
        ['r', 2, null],
      ]),
    ).toMatchObject({
      txn: [
        ['r', 1, 10],
        ['r', 2, null],
      ],
    });
    net.heal();
    net.time.advance(1000);
    for (const node of ['n0', 'n1', 'n2']) {
      expect(
        txn(net, node, [
          ['r', 1, null],
          ['r', 2, null],
        ]),
      ).toMatchObject({
        txn: [
          ['r', 1, 10],
          ['r', 2, 20],
        ],
      });
    }
  });

  it('rejects a malformed txn whole with error 12, applying none of it', () => {
    const net = new SimNetwork(['n0'], [txnModule(options)]);
    expect(
      txn(net, 'n0', [
        ['w', 1, 1],
        ['w', 'k', 2],
      ]),
    ).toMatchObject({ type: 'error', code: 12 });
    expect(
      txn(net, 'n0', [
        ['w', 1, 1],
        ['x', 1, 2],
      ]),
    ).toMatchObject({ type: 'error', code: 12 });
    expect(
      txn(net, 'n0', [
        ['w', 1, 1],
        ['r', 1],
      ]),
    ).toMatchObject({ type: 'error', code: 12 });
    expect(txn(net, 'n0', [['r', 1, null]])).toMatchObject({ txn: [['r', 1, null]] });
  });

  it('rejects malformed replication with error 12', () => {
    const net = new SimNetwork(['n0', 'n1'], [txnModule(options)]);
    const msgId = net.fromClient('n0', { type: 'txn_replicate', writes: 'all of them' }, 'n1');
    const reply = net.sent.find((m) => m.src === 'n0' && m.body.in_reply_to === msgId);
    expect(reply).toMatchObject({ dest: 'n1', body: { type: 'error', code: 12 } });
  });

  it('refuses replication from a client, and a replication whose origin is not its sender', () => {
    const net = new SimNetwork(['n0', 'n1'], [txnModule(options)]);
    const writes = [[1, 99, 1000]];
    const fromClient = net.fromClient('n0', { type: 'txn_replicate', origin: 'c9', batch: 1, writes }, 'c9');
    const forged = net.fromClient('n0', { type: 'txn_replicate', origin: 'c9', batch: 2, writes }, 'n1');
    net.time.advance(1000);
    expect(net.replyTo(fromClient)).toMatchObject({ type: 'error', code: 10 });
    expect(net.clientInbox.filter((m) => m.dest === 'c9').map((m) => m.body['type'])).toEqual(['error']);
    expect(txn(net, 'n0', [['r', 1, null]])).toMatchObject({ txn: [['r', 1, null]] });
    const reply = net.sent.find((m) => m.src === 'n0' && m.body.in_reply_to === forged);
    expect(reply).toMatchObject({ dest: 'n1', body: { type: 'error', code: 12 } });
  });
});
