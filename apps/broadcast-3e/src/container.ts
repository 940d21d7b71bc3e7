import { broadcastModule, type BroadcastOptions } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 3e (efficient broadcast II: < 20 msgs/op, median < 1 s, max < 2 s): the 3d design with longer batching
 * windows, trading latency for messages.
 */
export const OPTIONS: BroadcastOptions = {
  overlay: 'star',
  flushIntervalMs: 450,
  reliable: true,
  retryMs: 2000,
  ackDelayMs: 900,
};

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(OPTIONS));
  return container;
}
