import { assertFuzz, FUZZ_TIMEOUT_MS, kafkaModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'kafka-5c answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: kafkaModel, services: ['lin-kv'], warmUpMs: 3000 }),
  FUZZ_TIMEOUT_MS,
);
