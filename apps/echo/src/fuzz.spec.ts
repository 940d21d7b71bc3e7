import { assertFuzz, FUZZ_TIMEOUT_MS, echoModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'echo answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: echoModel, nodeIds: ['n0', 'n1'] }),
  FUZZ_TIMEOUT_MS,
);
