import { assertFuzz, FUZZ_TIMEOUT_MS, uniqueIdsModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'unique-ids answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: uniqueIdsModel, nodeIds: ['n0', 'n1', 'n2'] }),
  FUZZ_TIMEOUT_MS,
);
