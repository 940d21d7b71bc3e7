import { BROADCAST_PRESETS, broadcastModule, withOverrides } from '@glomers/node-broadcast';
import { stdioRuntimeModule } from '@glomers/runtime';
import { Container, type ContainerModule } from 'inversify';

/** Challenge 3d (efficient broadcast I): the broadcast program with the `efficient` preset; `overrides` (JSON) tunes it. */
export function createContainer(
  runtime: ContainerModule = stdioRuntimeModule,
  overrides?: string,
): Container {
  const container = new Container();
  container.load(runtime, broadcastModule(withOverrides(BROADCAST_PRESETS.efficient, overrides)));
  return container;
}
