import type { Failure } from '../model';
import { explainBroadcast } from './broadcast';
import { explainCounter } from './counter';
import { explainEcho } from './echo';
import { failure, type ExplainContext } from './failure';
import { explainGeneric } from './generic';
import { explainKafka } from './kafka';
import { explainAvailability, explainStats } from './standard';
import { explainTxn } from './txn';
import { explainUniqueIds } from './unique-ids';

export type { ExplainContext } from './failure';

/** Each failing top-level check of a run's results, explained. */
export function explainFailures(ctx: ExplainContext): Failure[] {
  if (typeof ctx.results !== 'object' || ctx.results === null) return [];
  const failures: Failure[] = [];
  for (const [check, result] of Object.entries(ctx.results)) {
    if (check === 'valid?' || typeof result !== 'object' || result === null) continue;
    if ((result as Record<string, unknown>)['valid?'] === true) continue;
    failures.push(explainCheck(check, result, ctx));
  }
  return failures;
}

function explainCheck(check: string, result: object, ctx: ExplainContext): Failure {
  if (check === 'stats') return explainStats(result, ctx);
  if (check === 'availability') return explainAvailability(result, ctx);
  if (check !== 'workload') return explainGeneric(check, result, ctx);
  // Recognised by shape, so Maelstrom's results.edn is explained like the bench's results.json.
  const has = (key: string) => key in result;
  if (has('lost') && has('never-read')) return explainBroadcast(result, ctx);
  if (has('bad-error-types')) return explainKafka(result, ctx);
  if (has('anomaly-types')) return explainTxn(result, ctx);
  if (has('acceptable')) return explainCounter(result, ctx);
  if (has('duplicated-count') || (has('attempted-count') && has('error')))
    return explainUniqueIds(result, ctx);
  if (has('errors')) return explainEcho(result, ctx);
  return explainGeneric(check, result, ctx);
}

/** A run that stopped before analysis (exit 255): why. */
export function crashFailure(reason: string): Failure {
  return failure('crash', reason.split('\n')[0], {
    paragraphs: [
      'The run stopped before its results were analysed, as Maelstrom does when a node fails to start or init, ' +
        `or exits early (exit code 255). ${reason}`,
    ],
  });
}

/** A challenge bound the run's figures missed (3d/3e: msgs-per-op, stable latencies). */
export function boundsFailure(missed: readonly string[]): Failure {
  return failure('bounds', missed.join('; '), {
    paragraphs: ['The run is valid, but the challenge also sets performance bounds, and these were missed.'],
  });
}
