import { broadcastModule, type BroadcastOptions } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 3d (efficient broadcast I: < 30 msgs/op, latency median < 400 ms, max < 600 ms at 100 ms links): a star
 * overlay (two hops between any nodes), short batching windows, and acknowledgements that mostly ride on batches.
 */
export const OPTIONS: BroadcastOptions = {
  overlay: 'star',
  flushIntervalMs: 90,
  reliable: true,
  retryMs: 1000,
  ackDelayMs: 400,
};

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(OPTIONS));
  return container;
}
