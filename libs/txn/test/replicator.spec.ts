import { VirtualTime } from '@glomers/sim';
import {
  FLUSH_INTERVAL_MS,
  Replicator,
  RETRY_AFTER_MS,
  SimulatedCluster,
  TxnStore,
  type ReplicationMessage,
} from '../src';

describe('Replicator', () => {
  it('batches the writes of a flush window into one message per peer, then waits for the ack', () => {
    const cluster = new SimulatedCluster(3);
    const n0 = cluster.node(0);
    n0.replicator.publish(n0.store.execute([['w', 1, 1]]).writes);
    n0.replicator.publish(
      n0.store.execute([
        ['w', 1, 2],
        ['w', 2, 1],
      ]).writes,
    );
    cluster.time.advance(FLUSH_INTERVAL_MS);
    expect(cluster.inFlight.map((e) => [e.src, e.dest, JSON.parse(e.body) as unknown])).toEqual([
      [
        'n0',
        'n1',
        {
          type: 'txn_replicate',
          origin: 'n0',
          batch: 1,
          writes: [
            [1, 2, 2],
            [2, 1, 2],
          ],
        },
      ],
      [
        'n0',
        'n2',
        {
          type: 'txn_replicate',
          origin: 'n0',
          batch: 2,
          writes: [
            [1, 2, 2],
            [2, 1, 2],
          ],
        },
      ],
    ]);
    cluster.deliver(0);
    expect(cluster.node(1).store.snapshot()).toEqual(
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
    expect(JSON.parse(cluster.inFlight[1].body)).toEqual({ type: 'txn_replicate_ack', from: 'n1', batch: 1 });
  });

  it('sends nothing while idle', () => {
    const cluster = new SimulatedCluster(2);
    cluster.time.advance(10 * RETRY_AFTER_MS);
    expect(cluster.inFlight).toEqual([]);
  });

  it('re-sends after a partition drops the batch, and stops once acknowledged', () => {
    const cluster = new SimulatedCluster(2);
    const n0 = cluster.node(0);
    cluster.partition(1);
    n0.replicator.publish(n0.store.execute([['w', 7, 1]]).writes);
    cluster.time.advance(3 * RETRY_AFTER_MS);
    expect(cluster.inFlight).toEqual([]);
    cluster.partition(0);
    cluster.time.advance(RETRY_AFTER_MS);
    expect(cluster.inFlight).toHaveLength(1);
    cluster.deliver(0);
    cluster.deliver(0);
    expect(n0.replicator.isIdle()).toBe(true);
    expect(cluster.node(1).store.snapshot().get(7)).toBe(1);
    cluster.time.advance(3 * RETRY_AFTER_MS);
    expect(cluster.inFlight).toEqual([]);
  });

  it('ignores bodies that are not replication messages', () => {
    const sent: ReplicationMessage[] = [];
    const time = new VirtualTime();
    const replicator = new Replicator({
      self: 'n0',
      peers: ['n0', 'n1'],
      target: new TxnStore('n0'),
      send: (_dest, body) => sent.push(body),
      scheduler: time,
      clock: time,
    });
    expect(replicator.receive('n1', { type: 'txn', msg_id: 1, txn: [] })).toBe(false);
    expect(sent).toEqual([]);
  });

  it('ignores a replication message whose origin is not its sender', () => {
    const sent: ReplicationMessage[] = [];
    const time = new VirtualTime();
    const target = new TxnStore('n0');
    const replicator = new Replicator({
      self: 'n0',
      peers: ['n0', 'n1'],
      target,
      send: (_dest, body) => sent.push(body),
      scheduler: time,
      clock: time,
    });
    expect(
      replicator.receive('n1', { type: 'txn_replicate', origin: 'c9', batch: 1, writes: [[1, 2, 3]] }),
    ).toBe(false);
    expect(replicator.receive('n1', { type: 'txn_replicate_ack', from: 'n2', batch: 1 })).toBe(false);
    expect(sent).toEqual([]);
    expect(target.snapshot().size).toBe(0);
  });

  it('stops ticking after stop()', () => {
    const cluster = new SimulatedCluster(2);
    const n0 = cluster.node(0);
    n0.replicator.stop();
    n0.replicator.publish(n0.store.execute([['w', 1, 1]]).writes);
    cluster.time.advance(10 * FLUSH_INTERVAL_MS);
    expect(cluster.inFlight).toEqual([]);
  });
});
