import { assertFuzz, FUZZ_TIMEOUT_MS, kafkaModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'kafka-5b answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: kafkaModel, services: ['lin-kv'] }),
  FUZZ_TIMEOUT_MS,
);
