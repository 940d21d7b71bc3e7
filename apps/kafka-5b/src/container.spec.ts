import { KAFKA_BACKEND, KafkaProgram, LinKvBackend } from '@glomers/node-kafka';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('kafka-5b runs the kafka program over the LinKvBackend', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(KafkaProgram);
  expect(container.get(KAFKA_BACKEND)).toBeInstanceOf(LinKvBackend);
});
