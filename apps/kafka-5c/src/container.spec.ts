import {
  EFFICIENT_LOG_TIMING,
  KAFKA_BACKEND,
  KafkaProgram,
  REPLICATED_LOG_OPTIONS,
  ReplicatedLogBackend,
} from '@glomers/node-kafka';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { kafkaModel, runFuzzCase } from '@glomers/runtime/fuzz';
import { createContainer } from './container';

it('kafka-5c runs the kafka program over the ReplicatedLogBackend with the efficient (lingering) timing', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(KafkaProgram);
  expect(container.get(KAFKA_BACKEND)).toBeInstanceOf(ReplicatedLogBackend);
  expect(container.get(REPLICATED_LOG_OPTIONS)).toEqual({ timing: EFFICIENT_LOG_TIMING });
});

it('kafka-5c elects itself over lin-kv, acknowledges sends and polls them back', async () => {
  const send = (msg: number) => ({ kind: 'request', body: { type: 'send', key: 'k', msg } }) as const;
  const app = { createContainer, model: kafkaModel, services: ['lin-kv'], warmUpMs: 3000 } as const;
  // runFuzzCase then polls every acknowledged send back at its offset (those polls count as requests too), and
  // throws if one is missing.
  const stats = await runFuzzCase(app, [send(1), send(2), { kind: 'wait', ms: 100 }, send(3)]);
  expect(stats.requests).toBeGreaterThan(3);
  expect(stats.acknowledged).toBe(stats.requests);
});

it('kafka-5c lays timing overrides over the preset', () => {
  const { container } = startApp((runtime) => createContainer(runtime, '{"lingerMs":0}'));
  expect(container.get(REPLICATED_LOG_OPTIONS)).toEqual({ timing: { ...EFFICIENT_LOG_TIMING, lingerMs: 0 } });
});
