import { TXN_PRESETS, txnModule } from '@glomers/node-txn';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 6b (totally-available, read uncommitted): the txn program with the `readUncommitted` preset. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, txnModule(TXN_PRESETS.readUncommitted));
  return container;
}
