import { is } from '@glomers/protocol';
import { exactField } from '../../lib/number-text';
import { replySchema } from '../../lib/rpc';
import type { Workload } from '../../lib/workload';
import { checkUniqueIds } from './checker';

const generateOk = replySchema('generate_ok', { id: is.json });

/** Maelstrom's unique-ids workload (reference §5.2): `generate` only; the client survives info ops. */
export const uniqueIds: Workload = {
  name: 'unique-ids',
  reads: [],
  idempotent: new Set(),
  reusableClient: true,
  generator: () => ({ next: () => ({ f: 'generate', value: null }) }),
  client: ({ conn }) => ({
    // An id's number as written: Maelstrom keeps 4 and 4.0 apart, JSON.parse does not.
    invoke: async () => ({
      type: 'ok',
      value: exactField(await conn.rpc({ type: 'generate' }, generateOk), 'id'),
    }),
  }),
  check: (history) => checkUniqueIds(history),
};
