import { kafkaModule, LocalLogBackend } from '@glomers/node-kafka';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 5a (single-node kafka): one in-memory log. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, kafkaModule(LocalLogBackend));
  return container;
}
