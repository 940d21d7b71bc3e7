import { ackMessage, parseReplicationMessage, replicateMessage } from './replication-messages';

describe('replication messages', () => {
  it('survive a JSON round trip, with Maelstrom reserved fields around them', () => {
    const replicate = replicateMessage('n0', 3, [[1, 2, 7]]);
    const ack = ackMessage('n1', 3);
    for (const message of [replicate, ack]) {
      const received: unknown = JSON.parse(JSON.stringify({ ...message, msg_id: 9 }));
      expect(parseReplicationMessage(received)).toEqual(message);
    }
  });

  it('fit a generic JSON body type, as a runtime send() takes', () => {
    const asBody = (body: { readonly type: string; readonly [field: string]: unknown }) => body.type;
    expect([asBody(replicateMessage('n0', 1, [])), asBody(ackMessage('n1', 1))]).toEqual([
      'txn_replicate',
      'txn_replicate_ack',
    ]);
  });

  it('are compact', () => {
    expect(JSON.stringify(replicateMessage('n0', 12, [[3, 4, 1234]]))).toBe(
      '{"type":"txn_replicate","origin":"n0","batch":12,"writes":[[3,4,1234]]}',
    );
  });

  it.each([
    null,
    'txn_replicate',
    { type: 'txn', txn: [] },
    { type: 'txn_replicate', origin: 'n0', batch: 1, writes: [[1, 2]] },
    { type: 'txn_replicate', origin: 'n0', batch: 1, writes: [[1, 2, 'x']] },
    { type: 'txn_replicate', origin: 0, batch: 1, writes: [] },
    { type: 'txn_replicate_ack', from: 'n1' },
  ])('rejects %j', (body) => {
    expect(parseReplicationMessage(body)).toBeUndefined();
  });
});
