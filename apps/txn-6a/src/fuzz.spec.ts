import { assertFuzz, FUZZ_TIMEOUT_MS, txnModel } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it(
  'txn-6a answers hostile input as the protocol says and keeps what it acknowledged (fuzz)',
  () => assertFuzz({ createContainer, model: txnModel, nodeIds: ['n0', 'n1'] }),
  FUZZ_TIMEOUT_MS,
);
