import { broadcastModule, type BroadcastOptions } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/**
 * Challenge 3b (multi-node broadcast): flood each new value along Maelstrom's topology at once.
 */
export const OPTIONS: BroadcastOptions = { overlay: 'given', flushIntervalMs: 0, reliable: false };

export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(OPTIONS));
  return container;
}
