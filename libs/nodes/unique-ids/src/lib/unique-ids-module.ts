import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule } from 'inversify';
import { UniqueIdProgram } from './unique-id-program';

export const uniqueIdsModule = new ContainerModule(({ bind }) => {
  bind<NodeProgram>(NODE_PROGRAM).to(UniqueIdProgram).inSingletonScope();
});
