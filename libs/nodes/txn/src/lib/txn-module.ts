import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule } from 'inversify';
import { TXN_OPTIONS, type TxnNodeOptions } from './txn-options';
import { TxnProgram } from './txn-program';

export function txnModule(options: TxnNodeOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<TxnNodeOptions>(TXN_OPTIONS).toConstantValue(options);
    bind<NodeProgram>(NODE_PROGRAM).to(TxnProgram).inSingletonScope();
  });
}
