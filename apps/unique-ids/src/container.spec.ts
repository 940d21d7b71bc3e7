import { startApp } from '@glomers/runtime';
import { createContainer } from './container';

describe('unique-ids composition root', () => {
  it('wires the id generator to the node it runs', () => {
    const { transport } = startApp(createContainer, 'n2', ['n0', 'n1', 'n2']);
    transport.deliver({ src: 'c1', dest: 'n2', body: { type: 'generate', msg_id: 2 } });
    transport.deliver({ src: 'c1', dest: 'n2', body: { type: 'generate', msg_id: 3 } });
    const [first, second] = transport.take().map((m) => m.body);
    expect(first).toMatchObject({ type: 'generate_ok', in_reply_to: 2 });
    expect(second).toMatchObject({ type: 'generate_ok', in_reply_to: 3 });
    expect(first['id']).not.toEqual(second['id']);
  });
});
