import { TXN_DEFAULTS, txnModule } from '@glomers/node-txn';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 6b (totally-available, read uncommitted): the txn program with the options every txn challenge binds
 * (one store serves 6a–6c).
 */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, txnModule(TXN_DEFAULTS));
  return container;
}
