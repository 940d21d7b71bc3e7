import { startApp } from '@glomers/runtime';
import { createContainer } from './container';

describe('g-counter composition root', () => {
  it('wires the counter program: an add goes to seq-kv as a read of the counter', () => {
    const { transport } = startApp(createContainer);
    transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'add', msg_id: 2, delta: 3 } });
    expect(transport.take()).toEqual([
      { src: 'n0', dest: 'seq-kv', body: { type: 'read', key: 'g-counter', msg_id: 1 } },
    ]);
  });
});
