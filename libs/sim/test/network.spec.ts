import type { Body } from '@glomers/protocol';
import { Network, VirtualTime, type Envelope, type JournalEvent } from '../src';

function setup(latency: () => number) {
  const time = new VirtualTime();
  const journal: JournalEvent[] = [];
  const network = new Network({
    clock: time,
    scheduler: time,
    latency,
    journal: (e) => journal.push(e),
    startMs: 0,
  });
  const inbox = new Map<string, Array<{ at: number; message: Envelope }>>();
  for (const id of ['c0', 'n0', 'n1', 'n2', 'lin-kv']) {
    inbox.set(id, []);
    network.register(id, (message) => inbox.get(id)?.push({ at: time.now(), message }));
  }
  const body = (n: number): Body => ({ type: 'x', n });
  return { time, journal, network, inbox, body };
}

describe('network', () => {
  it('delivers client traffic at once and node/service traffic after the latency', () => {
    const { time, network, inbox, body } = setup(() => 100);
    network.send('c0', 'n0', body(1));
    network.send('n0', 'n1', body(2));
    network.send('n0', 'lin-kv', body(3));
    expect(inbox.get('n0')?.map((d) => d.at)).toEqual([0]);
    expect(inbox.get('n1')).toEqual([]);
    time.advance(100);
    expect(inbox.get('n1')?.map((d) => d.at)).toEqual([100]);
    expect(inbox.get('lin-kv')?.map((d) => d.at)).toEqual([100]);
  });

  it('numbers messages from 0 and journals every send and delivery', () => {
    const { time, network, journal, body } = setup(() => 5);
    const first = network.send('n0', 'n1', body(1));
    const second = network.send('n1', 'n0', body(2));
    expect([first.id, second.id]).toEqual([0, 1]);
    time.advance(5);
    expect(journal.map((e) => [e.type, e.message.id])).toEqual([
      ['send', 0],
      ['send', 1],
      ['recv', 0],
      ['recv', 1],
    ]);
  });

  it('keeps FIFO order per destination under constant latency', () => {
    const { time, network, inbox, body } = setup(() => 10);
    for (let i = 0; i < 5; i++) {
      network.send('n0', 'n1', body(i));
      time.advance(1);
    }
    time.advance(20);
    expect(inbox.get('n1')?.map((d) => d.message.body['n'])).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops messages from a sender the receiver holds a grudge against, checked when dequeued', () => {
    const { time, network, inbox, journal, body } = setup(() => 10);
    network.partition(new Map([['n1', new Set(['n0'])]]));
    network.send('n0', 'n1', body(1));
    network.send('n2', 'n1', body(2));
    network.send('n1', 'n0', body(3));
    network.heal();
    time.advance(50);
    expect(inbox.get('n1')?.map((d) => d.message.body['n'])).toEqual([2]);
    expect(inbox.get('n0')?.map((d) => d.message.body['n'])).toEqual([3]);
    expect(journal.filter((e) => e.type === 'send')).toHaveLength(3);
    expect(journal.filter((e) => e.type === 'recv')).toHaveLength(2);
  });

  it('still delivers a message already taken off the queue when a partition starts during its wait', () => {
    const { time, network, inbox, body } = setup(() => 10);
    network.send('n0', 'n1', body(1));
    time.advance(5);
    network.partition(new Map([['n1', new Set(['n0'])]]));
    time.advance(10);
    expect(inbox.get('n1')).toHaveLength(1);
  });

  it('makes a later, earlier-deadline message wait behind the one being waited for (head of line)', () => {
    const latencies = [100, 1];
    const { time, network, inbox, body } = setup(() => latencies.shift() ?? 0);
    network.send('n0', 'n1', body(1));
    network.send('n2', 'n1', body(2));
    time.advance(100);
    expect(inbox.get('n1')?.map((d) => [d.message.body['n'], d.at])).toEqual([
      [1, 100],
      [2, 100],
    ]);
  });

  it('rejects sends from or to ids that are not registered', () => {
    const { network, body } = setup(() => 0);
    expect(() => network.send('n9', 'n0', body(1))).toThrow(/Invalid src/);
    network.unregister('c0');
    expect(() => network.send('n0', 'c0', body(1))).toThrow(/Invalid dest/);
  });
});
