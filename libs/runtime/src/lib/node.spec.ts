import { Container } from 'inversify';
import { MemoryLogger } from '../testing/memory-logger';
import { MemoryTransport } from '../testing/memory-transport';
import { VirtualTime } from '../testing/virtual-time';
import { portsModule } from './modules';
import { Node } from './node';
import { SeededRandom } from './seeded-random';

describe('smoke', () => {
  it('resolves a node through inversify', () => {
    const time = new VirtualTime();
    const transport = new MemoryTransport();
    const c = new Container();
    c.load(portsModule({ transport, clock: time, scheduler: time, logger: new MemoryLogger(), random: new SeededRandom(1) }));
    const node = c.get(Node);
    node.start();
    transport.deliver({ src: 'c0', dest: 'n1', body: { type: 'init', msg_id: 1, node_id: 'n1', node_ids: ['n1'] } });
    expect(transport.take()).toEqual([{ src: 'n1', dest: 'c0', body: { type: 'init_ok', in_reply_to: 1 } }]);
  });
});
