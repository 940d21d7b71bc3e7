import {
  EFFICIENT_LOG_TIMING,
  kafkaModule,
  replicatedLogOptions,
  ReplicatedLogBackend,
} from '@glomers/node-kafka';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 5c (efficient kafka): a log replicated from a lease-elected leader in batches of one linger; polls and
 * commits are served from each node's own copy. `timingOverrides` (JSON) tunes the log.
 */
export function createContainer(
  runtime: ContainerModule = stdioRuntimeModule,
  timingOverrides?: string,
): Container {
  const container = new Container();
  container.load(
    runtime,
    kafkaModule(ReplicatedLogBackend, replicatedLogOptions(EFFICIENT_LOG_TIMING, timingOverrides)),
  );
  return container;
}
