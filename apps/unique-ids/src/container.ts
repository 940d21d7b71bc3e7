import { uniqueIdsModule } from '@glomers/node-unique-ids';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 2 (unique ids): coordination-free id generation over stdio. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, uniqueIdsModule);
  return container;
}
