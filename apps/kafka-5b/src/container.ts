import { kafkaModule, LinKvBackend } from '@glomers/node-kafka';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 5b (multi-node kafka): every log kept in lin-kv. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, kafkaModule(LinKvBackend));
  return container;
}
