import { broadcastModule, type BroadcastOptions } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 3c (fault-tolerant broadcast): flooding on the given topology, with numbered batches resent until
 * acknowledged, so values sent into a partition arrive after it heals.
 */
export const OPTIONS: BroadcastOptions = {
  overlay: 'given',
  flushIntervalMs: 50,
  reliable: true,
  retryMs: 500,
  ackDelayMs: 0,
};

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(OPTIONS));
  return container;
}
