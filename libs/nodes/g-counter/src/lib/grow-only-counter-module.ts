import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule } from 'inversify';
import { GrowOnlyCounterProgram } from './grow-only-counter-program';

export const growOnlyCounterModule = new ContainerModule(({ bind }) => {
  bind<NodeProgram>(NODE_PROGRAM).to(GrowOnlyCounterProgram).inSingletonScope();
});
