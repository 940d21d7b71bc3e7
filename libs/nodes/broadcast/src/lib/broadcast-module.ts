import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule } from 'inversify';
import { BROADCAST_OPTIONS, type BroadcastOptions } from './broadcast-options';
import { BroadcastProgram } from './broadcast-program';

export function broadcastModule(options: BroadcastOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<BroadcastOptions>(BROADCAST_OPTIONS).toConstantValue(options);
    bind<NodeProgram>(NODE_PROGRAM).to(BroadcastProgram).inSingletonScope();
  });
}
