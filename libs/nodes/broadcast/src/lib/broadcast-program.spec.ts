import { SimNetwork } from '@glomers/runtime';
import type { BroadcastOptions } from './broadcast-options';
import { broadcastModule } from './broadcast-module';
import { BROADCAST_PRESETS } from './broadcast-presets';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
const flood: BroadcastOptions = { overlay: 'given', flushIntervalMs: 0, reliable: false };
const star: BroadcastOptions = {
  overlay: 'star',
  flushIntervalMs: 100,
  reliable: true,
  retryMs: 500,
  ackDelayMs: 200,
};

function cluster(n: number, options: BroadcastOptions, latencyMs = 10): SimNetwork {
  return new SimNetwork(ids(n), [broadcastModule(options)], { latencyMs });
}

function read(net: SimNetwork, node: string): number[] {
  const msgId = net.fromClient(node, { type: 'read' });
  const reply = net.replyTo(msgId);
  expect(reply?.['type']).toBe('read_ok');
  return [...(reply?.['messages'] as number[])].sort((a, b) => a - b);
}

function broadcast(net: SimNetwork, node: string, message: number): void {
  const msgId = net.fromClient(node, { type: 'broadcast', message });
  expect(net.replyTo(msgId)).toEqual({ type: 'broadcast_ok', in_reply_to: msgId });
}

function grid(net: SimNetwork, nodeIds: string[]): void {
  const topology = {
    n0: ['n1', 'n3'],
    n1: ['n0', 'n2', 'n4'],
    n2: ['n1'],
    n3: ['n0', 'n4'],
    n4: ['n1', 'n3'],
  };
  for (const id of nodeIds) {
    const msgId = net.fromClient(id, { type: 'topology', topology });
    expect(net.replyTo(msgId)).toEqual({ type: 'topology_ok', in_reply_to: msgId });
  }
}

describe('BroadcastProgram', () => {
  it('answers reads from the local set only, at once', () => {
    const net = cluster(3, star);
    broadcast(net, 'n1', 5);
    expect(read(net, 'n1')).toEqual([5]);
    expect(read(net, 'n2')).toEqual([]);
    expect(net.serverMessageCount).toBe(0);
  });

  it('floods a value along the given topology to every node, each node forwarding it once', () => {
    const net = cluster(5, flood);
    grid(net, ids(5));
    broadcast(net, 'n2', 42);
    net.time.advance(100);
    for (const id of ids(5)) expect(read(net, id)).toEqual([42]);
    // 6 undirected grid edges: a value crosses each at most once per direction, and never back to its sender.
    expect(net.sentByType.get('gossip')).toBeLessThanOrEqual(2 * 6 - 4);
  });

  it('flushes a batch on its timer, not before', () => {
    const net = cluster(3, star);
    broadcast(net, 'n1', 1);
    broadcast(net, 'n1', 2);
    expect(net.serverMessageCount).toBe(0);
    net.time.advance(100);
    expect(net.sentByType.get('gossip')).toBe(1);
    net.time.advance(1000);
    for (const id of ids(3)) expect(read(net, id)).toEqual([1, 2]);
  });

  it('repairs values dropped by a partition once it heals', () => {
    const net = cluster(5, star);
    net.isolate(['n0']);
    broadcast(net, 'n3', 1);
    broadcast(net, 'n0', 2);
    net.time.advance(3000);
    expect(read(net, 'n4')).toEqual([]);
    expect(read(net, 'n0')).toEqual([2]);
    net.heal();
    net.time.advance(2000);
    for (const id of ids(5)) expect(read(net, id)).toEqual([1, 2]);
  });

  it('goes quiet once everything is acknowledged', () => {
    const net = cluster(4, star);
    broadcast(net, 'n2', 9);
    net.time.advance(2000);
    const settled = net.serverMessageCount;
    net.time.advance(10_000);
    expect(net.serverMessageCount).toBe(settled);
  });

  it('ignores duplicate gossip without forwarding it again', () => {
    const net = cluster(3, flood);
    grid(net, ids(3));
    const forwardedByN1 = () => net.sent.filter((m) => m.src === 'n1' && m.body.type === 'gossip').length;
    net.fromClient('n1', { type: 'gossip', values: [7] }, 'n0');
    net.time.advance(50);
    const after = forwardedByN1();
    expect(after).toBeGreaterThan(0);
    net.fromClient('n1', { type: 'gossip', values: [7] }, 'n0');
    net.time.advance(50);
    expect(forwardedByN1()).toBe(after);
    expect(read(net, 'n1')).toEqual([7]);
  });

  it('rejects malformed gossip with error 12 and keeps its state', () => {
    const net = cluster(1, flood);
    broadcast(net, 'n0', 1);
    const msgId = net.fromClient('n0', { type: 'gossip', values: ['x'] });
    expect(net.replyTo(msgId)).toMatchObject({ type: 'error', code: 12 });
    expect(read(net, 'n0')).toEqual([1]);
  });

  it.each(Object.entries(BROADCAST_PRESETS))(
    '%s refuses gossip claiming to come from a client and never gossips back to it',
    (_name, preset) => {
      const net = cluster(2, preset);
      const msgId = net.fromClient('n0', { type: 'gossip', values: [5], batch: 1 }, 'c9');
      net.fromClient('n0', { type: 'gossip', values: [6], batch: 2, acks: [1] }, 'c9');
      broadcast(net, 'n0', 7);
      net.time.advance(5000);
      expect(net.replyTo(msgId)).toMatchObject({ type: 'error', code: 10 });
      expect(read(net, 'n0')).toEqual([7]);
      expect(net.clientInbox.filter((m) => m.dest === 'c9' && m.body['type'] !== 'error')).toEqual([]);
    },
  );
});
