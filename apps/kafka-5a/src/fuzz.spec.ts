import { assertFuzz, FUZZ_TIMEOUT_MS, kafkaModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'kafka-5a answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: kafkaModel }),
  FUZZ_TIMEOUT_MS,
);
