import {
  EFFICIENT_LOG_TIMING,
  KAFKA_BACKEND,
  KafkaProgram,
  REPLICATED_LOG_OPTIONS,
  ReplicatedLogBackend,
} from '@glomers/node-kafka';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('kafka-5c runs the kafka program over the ReplicatedLogBackend with the efficient (lingering) timing', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(KafkaProgram);
  expect(container.get(KAFKA_BACKEND)).toBeInstanceOf(ReplicatedLogBackend);
  expect(container.get(REPLICATED_LOG_OPTIONS)).toEqual({ timing: EFFICIENT_LOG_TIMING });
  expect(EFFICIENT_LOG_TIMING.lingerMs).toBeGreaterThan(0);
});

it('kafka-5c lays timing overrides over the preset', () => {
  const { container } = startApp((runtime) => createContainer(runtime, '{"lingerMs":0}'));
  expect(container.get(REPLICATED_LOG_OPTIONS)).toEqual({ timing: { ...EFFICIENT_LOG_TIMING, lingerMs: 0 } });
});
