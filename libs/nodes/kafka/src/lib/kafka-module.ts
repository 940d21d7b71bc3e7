import { NODE_PROGRAM, type NodeProgram } from '@glomers/runtime';
import { ContainerModule, type Newable } from 'inversify';
import { KAFKA_BACKEND, type KafkaBackend } from './kafka-backend';
import { KafkaProgram } from './kafka-program';

/** The kafka program over the given backend class (resolved by the container, which may inject the node). */
export function kafkaModule(backend: Newable<KafkaBackend>): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<KafkaBackend>(KAFKA_BACKEND).to(backend).inSingletonScope();
    bind<NodeProgram>(NODE_PROGRAM).to(KafkaProgram).inSingletonScope();
  });
}
