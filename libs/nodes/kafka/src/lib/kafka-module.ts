import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule, type Newable } from 'inversify';
import { KAFKA_BACKEND, type KafkaBackend } from './kafka-backend';
import { KafkaProgram } from './kafka-program';
import { REPLICATED_LOG_OPTIONS } from './replicated-log-backend';
import type { ReplicatedLogOptions } from '@glomers/replicated-log';

/**
 * The kafka program over the given backend class (resolved by the container, which may inject the node);
 * `logOptions` tune the replicated-log backend.
 */
export function kafkaModule(
  backend: Newable<KafkaBackend>,
  logOptions: ReplicatedLogOptions = {},
): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<ReplicatedLogOptions>(REPLICATED_LOG_OPTIONS).toConstantValue(logOptions);
    bind<KafkaBackend>(KAFKA_BACKEND).to(backend).inSingletonScope();
    bind<NodeProgram>(NODE_PROGRAM).to(KafkaProgram).inSingletonScope();
  });
}
