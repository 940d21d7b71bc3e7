import { assertFuzz, FUZZ_TIMEOUT_MS, gCounterModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'g-counter answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: gCounterModel, services: ['seq-kv'] }),
  FUZZ_TIMEOUT_MS,
);
