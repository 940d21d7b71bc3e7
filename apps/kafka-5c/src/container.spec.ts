import { KAFKA_BACKEND, KafkaProgram, ReplicatedLogBackend } from '@glomers/node-kafka';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('kafka-5c runs the kafka program over the ReplicatedLogBackend', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(KafkaProgram);
  expect(container.get(KAFKA_BACKEND)).toBeInstanceOf(ReplicatedLogBackend);
});
