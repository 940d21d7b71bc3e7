import { createTestNode, initNode, runNode } from '@glomers/runtime';
import { uniqueIdsModule } from './unique-ids-module';

function generateIds(nodeId: string, nodeIds: string[], count: number): unknown[] {
  const test = createTestNode(uniqueIdsModule);
  runNode(test.container);
  initNode(test, nodeId, nodeIds);
  for (let i = 1; i <= count; i++)
    test.transport.deliver({ src: 'c9', dest: nodeId, body: { type: 'generate', msg_id: i } });
  const replies = test.transport.take();
  expect(replies.map((m) => m.body['in_reply_to'])).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  expect(replies.every((m) => m.body['type'] === 'generate_ok')).toBe(true);
  return replies.map((m) => m.body['id']);
}

describe('UniqueIdProgram', () => {
  it('never repeats an id across the nodes of a cluster, with no messages between them', () => {
    const nodes = ['n0', 'n1', 'n2'];
    const ids = nodes.flatMap((n) => generateIds(n, nodes, 500));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
  });
});
