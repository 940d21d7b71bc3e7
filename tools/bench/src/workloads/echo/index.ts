import { is } from '@glomers/protocol';
import { replySchema } from '../../lib/rpc';
import type { Workload } from '../../lib/workload';
import { checkEcho } from './checker';

const echoOk = replySchema('echo_ok', { echo: is.json });

/** Maelstrom's echo workload (reference §5.1): echo "Please echo <0..127>", expect it back. */
export const echo: Workload = {
  name: 'echo',
  reads: [],
  idempotent: new Set(),
  reusableClient: false,
  generator: ({ random }) => ({
    next: () => ({ f: 'echo', value: `Please echo ${random.int(128)}` }),
  }),
  client: ({ conn }) => ({
    invoke: async (op) => ({ type: 'ok', value: await conn.rpc({ type: 'echo', echo: op.value }, echoOk) }),
  }),
  check: (history) => checkEcho(history),
};
