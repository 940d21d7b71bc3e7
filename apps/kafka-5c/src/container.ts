import { kafkaModule, ReplicatedLogBackend } from '@glomers/node-kafka';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 5c (efficient kafka): a log replicated from a lease-elected leader; polls and commits are served from
 * each node's own copy.
 */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, kafkaModule(ReplicatedLogBackend));
  return container;
}
