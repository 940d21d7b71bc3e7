import { BROADCAST_PRESETS, broadcastModule } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 3b (multi-node broadcast): the broadcast program with the `flood` preset. */
export function createContainer(runtime: ContainerModule = stdioRuntimeModule): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(BROADCAST_PRESETS.flood));
  return container;
}
