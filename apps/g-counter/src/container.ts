import { growOnlyCounterModule } from '@glomers/node-g-counter';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 4 (grow-only counter): a stateless node over seq-kv. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, growOnlyCounterModule);
  return container;
}
