import { KAFKA_BACKEND, KafkaProgram, LocalLogBackend } from '@glomers/node-kafka';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('kafka-5a runs the kafka program over the LocalLogBackend', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(KafkaProgram);
  expect(container.get(KAFKA_BACKEND)).toBeInstanceOf(LocalLogBackend);
});
