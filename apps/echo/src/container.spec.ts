import {
  MemoryLogger,
  MemoryTransport,
  portsModule,
  runNode,
  SeededRandom,
  VirtualTime,
} from '@glomers/runtime';
import { createContainer } from './container';

describe('echo composition root', () => {
  it('wires the echo program to the node it runs', () => {
    const transport = new MemoryTransport();
    const time = new VirtualTime();
    const ports = {
      transport,
      clock: time,
      scheduler: time,
      logger: new MemoryLogger(),
      random: new SeededRandom(1),
    };
    runNode(createContainer(portsModule(ports)));
    transport.deliver({
      src: 'c0',
      dest: 'n0',
      body: { type: 'init', msg_id: 1, node_id: 'n0', node_ids: ['n0'] },
    });
    transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'echo', msg_id: 2, echo: 'Please echo 3' } });
    expect(transport.take().map((m) => m.body)).toEqual([
      { type: 'init_ok', in_reply_to: 1 },
      { type: 'echo_ok', echo: 'Please echo 3', in_reply_to: 2 },
    ]);
  });
});
