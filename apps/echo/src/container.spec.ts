import { startApp } from '@glomers/runtime';
import { createContainer } from './container';

describe('echo composition root', () => {
  it('wires the echo program to the node it runs', () => {
    const { transport } = startApp(createContainer);
    transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'echo', msg_id: 2, echo: 'Please echo 3' } });
    expect(transport.take().map((m) => m.body)).toEqual([
      { type: 'echo_ok', echo: 'Please echo 3', in_reply_to: 2 },
    ]);
  });
});
