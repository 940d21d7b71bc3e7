import { BROADCAST_PRESETS, broadcastModule } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 3e (efficient broadcast II): the broadcast program with the `frugal` preset. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(BROADCAST_PRESETS.frugal));
  return container;
}
