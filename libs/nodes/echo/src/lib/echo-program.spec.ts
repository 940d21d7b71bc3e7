import { createTestNode, initNode, runNode } from '@glomers/runtime';
import { echoModule } from './echo-module';

describe('EchoProgram', () => {
  it('refuses with error 12 a payload whose numbers it could not echo exactly', () => {
    const test = createTestNode(echoModule);
    runNode(test.container);
    initNode(test);
    for (const [msgId, echo] of [
      [2, '[9007199254740993]'],
      [3, '{"a":1e400}'],
    ]) {
      test.transport.deliver(
        `{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":${msgId},"echo":${echo}}}`,
      );
    }
    expect(test.transport.take().map((m) => [m.body['in_reply_to'], m.body['code']])).toEqual([
      [2, 12],
      [3, 12],
    ]);
  });

  it('echoes any JSON payload back unchanged, once per request', () => {
    const test = createTestNode(echoModule);
    runNode(test.container);
    initNode(test);
    const payloads = ['Please echo 17', 0, null, { nested: [1, 'two', { three: true }] }];
    payloads.forEach((echo, i) =>
      test.transport.deliver({ src: 'c1', dest: 'n0', body: { type: 'echo', msg_id: i + 1, echo } }),
    );
    expect(test.transport.take().map((m) => m.body)).toEqual(
      payloads.map((echo, i) => ({ type: 'echo_ok', echo, in_reply_to: i + 1 })),
    );
  });
});
