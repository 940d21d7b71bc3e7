import type { TestOptions, Workload } from '../../lib/workload';
import { checkKafka } from './checker';
import { KafkaClient } from './client';
import { FinalPolls } from './final-polls';
import { KafkaGenerator, type TrackedOffsets } from './generator';

/** Offsets tracked by a run's main generator, for that run's final phase (keyed by the run's options object). */
const trackedByRun = new WeakMap<TestOptions, TrackedOffsets>();

/**
 * Maelstrom's kafka workload (reference §5.5): send / poll / assign / crash ops against string-keyed logs, a
 * client with local offsets that commits inside each poll, and Jepsen's kafka checker.
 */
export const kafka: Workload = {
  name: 'kafka',
  reads: ['keyCount', 'maxWritesPerKey'],
  idempotent: new Set(['assign']),
  reusableClient: false,
  generator: ({ options, random }) => {
    const tracked: TrackedOffsets = new Map();
    trackedByRun.set(options, tracked);
    return new KafkaGenerator(
      random,
      {
        keyCount: options.keyCount ?? 10,
        maxWritesPerKey: options.maxWritesPerKey,
        concurrency: options.concurrency,
      },
      tracked,
    );
  },
  client: ({ conn }) => new KafkaClient(conn),
  final: {
    generator: ({ options, random, thread }) =>
      new FinalPolls(random, trackedByRun.get(options) ?? new Map(), thread, options.concurrency),
    timeLimitS: 10,
  },
  check: (history) => checkKafka(history),
};
