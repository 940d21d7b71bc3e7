import { txnModule, type TxnNodeOptions } from '@glomers/node-txn';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 6c (totally-available, read committed): whole write-sets applied atomically in stamp order. */
export const OPTIONS: TxnNodeOptions = {
  isolation: 'read-committed',
  flushIntervalMs: 25,
  retryAfterMs: 500,
};

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, txnModule(OPTIONS));
  return container;
}
