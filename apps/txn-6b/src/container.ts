import { txnModule, type TxnNodeOptions } from '@glomers/node-txn';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 6b (totally-available, read uncommitted): write-sets replicated to every peer until acknowledged. */
export const OPTIONS: TxnNodeOptions = {
  isolation: 'read-uncommitted',
  flushIntervalMs: 25,
  retryAfterMs: 500,
};

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, txnModule(OPTIONS));
  return container;
}
