import { is } from '@glomers/protocol';
import { replySchema } from '../../lib/rpc';
import type { Workload } from '../../lib/workload';
import { checkCounter } from './counter-checker';
import { finalReadGenerator } from '../broadcast/final-read-generator';
import { counterGenerator } from './generator';

const addOk = replySchema('add_ok');
const readOk = replySchema('read_ok', { value: is.int });

/**
 * The counter workloads (reference §5.4). Maelstrom's counter client has no `with-errors`: every error reply and
 * timeout surfaces as an exception, i.e. an `info` op.
 */
export function counterWorkload(name: string, growOnly: boolean): Workload {
  return {
    name,
    reads: [],
    idempotent: new Set(),
    errorsAreInfo: true,
    reusableClient: false,
    generator: ({ random }) => counterGenerator(random, { growOnly }),
    client: ({ conn }) => ({
      invoke: async (op) => {
        if (op.f === 'add') {
          await conn.rpc({ type: 'add', delta: op.value }, addOk);
          return { type: 'ok' };
        }
        const reply = await conn.rpc({ type: 'read' }, readOk);
        return { type: 'ok', value: reply['value'] };
      },
    }),
    final: { generator: () => finalReadGenerator() },
    check: (history) => checkCounter(history),
  };
}
