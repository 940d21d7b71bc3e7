import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule } from 'inversify';
import { EchoProgram } from './echo-program';

export const echoModule = new ContainerModule(({ bind }) => {
  bind<NodeProgram>(NODE_PROGRAM).to(EchoProgram).inSingletonScope();
});
