import { BROADCAST_PRESETS, broadcastModule } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 3d (efficient broadcast I): the broadcast program with the `efficient` preset. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(BROADCAST_PRESETS.efficient));
  return container;
}
