import { is } from '@glomers/protocol';
import { replySchema } from '../../lib/rpc';
import type { Workload } from '../../lib/workload';
import { finalReadGenerator } from './final-read-generator';
import { broadcastGenerator } from './generator';
import { checkBroadcast } from './set-full-checker';
import { buildTopology, isTopologyName } from './topology';

const topologyOk = replySchema('topology_ok');
const broadcastOk = replySchema('broadcast_ok');
// Maelstrom's schema `[s/Any]` also accepts null (a Go nil slice), which then reads as an empty set.
const readOk = replySchema('read_ok', { messages: is.nullable(is.arrayOf(is.json)) });

/** Maelstrom's broadcast workload (reference §5.3): topology setup, broadcast/read mix, final reads, set-full. */
export const broadcast: Workload = {
  name: 'broadcast',
  reads: ['topology'],
  idempotent: new Set(['read']),
  reusableClient: false,
  generator: ({ random }) => broadcastGenerator(random),
  client: ({ conn }) => ({
    invoke: async (op) => {
      if (op.f === 'broadcast') {
        await conn.rpc({ type: 'broadcast', message: op.value }, broadcastOk);
        return { type: 'ok' };
      }
      const reply = await conn.rpc({ type: 'read' }, readOk);
      return { type: 'ok', value: reply['messages'] };
    },
  }),
  setup: async ({ conn, options }) => {
    if (!isTopologyName(options.topology)) throw new Error(`unknown topology ${options.topology}`);
    await conn.rpc(
      { type: 'topology', topology: buildTopology(options.topology, options.nodeIds) },
      topologyOk,
    );
  },
  final: { generator: () => finalReadGenerator() },
  check: (history) => checkBroadcast(history),
};
