import { assertFuzz, FUZZ_TIMEOUT_MS, broadcastModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'broadcast-3d answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: broadcastModel, nodeIds: ['n0', 'n1'] }),
  FUZZ_TIMEOUT_MS,
);
