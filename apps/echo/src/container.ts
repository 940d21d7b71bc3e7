import { echoModule } from '@glomers/node-echo';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 1 (echo): the echo program over stdio. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, echoModule);
  return container;
}
