import type { CheckResult, History } from '../../lib/history';
import { pairOps } from '../../lib/history';
import { jsonEqual } from '../../lib/json-equal';
import { isPlainObject } from '@glomers/protocol';

/**
 * Maelstrom's echo checker: for every invocation, the completion's `echo` field must equal the sent value. A
 * failed or timed-out echo has no `echo` field, so it counts as a mismatch too.
 */
export function checkEcho(history: History): CheckResult {
  const errors: unknown[] = [];
  for (const { invoke, complete } of pairOps(history)) {
    if (invoke.process === 'nemesis') continue;
    const received = complete?.value;
    const echoed = isPlainObject(received) ? received['echo'] : undefined;
    if (echoed === undefined || !jsonEqual(invoke.value, echoed)) {
      errors.push(['Expected a message with :echo', invoke.value, 'But received', received ?? null]);
    }
  }
  return { 'valid?': errors.length === 0, errors };
}
