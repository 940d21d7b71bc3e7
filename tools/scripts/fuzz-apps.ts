/**
 * The fuzz harness at scale: for every challenge app, runs many generated cases (hostile lines mixed with valid
 * requests, see libs/runtime/src/testing/fuzz) and prints cases per second, with how much of the valid traffic the
 * node acknowledged (so a run that only ever saw errors shows up); then the bench's option parser. Also fails on
 * unhandled promise rejections, which jest cannot see. Usage:
 *   node tools/scripts/run-ts.mjs tools/scripts/fuzz-apps.ts [cases per target=10000] [target…]
 */
import { createContainer as broadcast3a } from '../../apps/broadcast-3a/src/container';
import { createContainer as broadcast3b } from '../../apps/broadcast-3b/src/container';
import { createContainer as broadcast3c } from '../../apps/broadcast-3c/src/container';
import { createContainer as broadcast3d } from '../../apps/broadcast-3d/src/container';
import { createContainer as broadcast3e } from '../../apps/broadcast-3e/src/container';
import { createContainer as echo } from '../../apps/echo/src/container';
import { createContainer as gCounter } from '../../apps/g-counter/src/container';
import { createContainer as kafka5a } from '../../apps/kafka-5a/src/container';
import { createContainer as kafka5b } from '../../apps/kafka-5b/src/container';
import { createContainer as kafka5c } from '../../apps/kafka-5c/src/container';
import { createContainer as txn6a } from '../../apps/txn-6a/src/container';
import { createContainer as txn6b } from '../../apps/txn-6b/src/container';
import { createContainer as txn6c } from '../../apps/txn-6c/src/container';
import { createContainer as uniqueIds } from '../../apps/unique-ids/src/container';
import { benchOptionProperty } from '../bench/test/support/option-fuzz';
import {
  broadcastModel,
  echoModel,
  fuzzSteps,
  gCounterModel,
  kafkaModel,
  runFuzzCase,
  txnModel,
  uniqueIdsModel,
  type FuzzApp,
} from '@glomers/runtime/fuzz';
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';

// The same configurations as each app's fuzz.spec.ts.
const two = ['n0', 'n1'];
const APPS: Record<string, FuzzApp> = {
  echo: { createContainer: echo, model: echoModel, nodeIds: two },
  'unique-ids': { createContainer: uniqueIds, model: uniqueIdsModel, nodeIds: ['n0', 'n1', 'n2'] },
  'broadcast-3a': { createContainer: broadcast3a, model: broadcastModel, nodeIds: two },
  'broadcast-3b': { createContainer: broadcast3b, model: broadcastModel, nodeIds: two },
  'broadcast-3c': { createContainer: broadcast3c, model: broadcastModel, nodeIds: two },
  'broadcast-3d': { createContainer: broadcast3d, model: broadcastModel, nodeIds: two },
  'broadcast-3e': { createContainer: broadcast3e, model: broadcastModel, nodeIds: two },
  'g-counter': { createContainer: gCounter, model: gCounterModel, services: ['seq-kv'] },
  'kafka-5a': { createContainer: kafka5a, model: kafkaModel },
  'kafka-5b': { createContainer: kafka5b, model: kafkaModel, services: ['lin-kv'] },
  'kafka-5c': { createContainer: kafka5c, model: kafkaModel, services: ['lin-kv'], warmUpMs: 3000 },
  'txn-6a': { createContainer: txn6a, model: txnModel, nodeIds: two },
  'txn-6b': { createContainer: txn6b, model: txnModel, nodeIds: two },
  'txn-6c': { createContainer: txn6c, model: txnModel, nodeIds: two },
};

const cases = Number(process.argv[2] ?? 10_000);
const chosen = process.argv.slice(3);
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

async function check<T>(
  name: string,
  property: fc.IAsyncProperty<[T]>,
  detail: () => string,
): Promise<boolean> {
  const started = performance.now();
  const result = await fc.check(property, { numRuns: cases });
  const seconds = (performance.now() - started) / 1000;
  const rate = (result.numRuns / seconds).toFixed(0);
  console.log(
    `${name.padEnd(13)} ${result.failed ? 'FAILED' : 'ok    '} ${String(result.numRuns).padStart(6)} cases in ` +
      `${seconds.toFixed(1).padStart(6)} s = ${rate.padStart(5)} cases/s; ${detail()}`,
  );
  if (result.failed) console.log(fc.defaultReportMessage(result)?.slice(0, 3000));
  return !result.failed;
}

function fuzzApp(name: string, app: FuzzApp): Promise<boolean> {
  const totals = { hostileLines: 0, requests: 0, acknowledged: 0 };
  const property = fc.asyncProperty(fuzzSteps(app), async (steps) => {
    const stats = await runFuzzCase(app, steps);
    totals.hostileLines += stats.hostileLines;
    totals.requests += stats.requests;
    totals.acknowledged += stats.acknowledged;
    if (unhandled.length > 0) throw new Error(`unhandled rejection: ${String(unhandled[0])}`);
  });
  return check(
    name,
    property,
    () =>
      `${totals.hostileLines} hostile lines, ${totals.acknowledged}/${totals.requests} valid requests acknowledged`,
  );
}

async function main(): Promise<void> {
  let ok = true;
  const wanted = (name: string) => chosen.length === 0 || chosen.includes(name);
  for (const [name, app] of Object.entries(APPS)) if (wanted(name)) ok = (await fuzzApp(name, app)) && ok;
  if (wanted('bench-options'))
    ok = (await check('bench-options', benchOptionProperty, () => 'test argv')) && ok;
  process.exitCode = ok ? 0 : 1;
}

void main();
