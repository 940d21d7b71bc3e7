import type { CheckResult, History, Op } from '../../lib/history';
import { jsonEqual } from '@glomers/sim';
import { isPlainObject } from '@glomers/protocol';

/**
 * Maelstrom's echo checker over knossos `pair-index`: each invocation completed by `ok` or `fail` must have a
 * completion whose `echo` equals the sent value (a `fail` has none, so it is an error). Invocations completed by
 * `info` (timeouts, malformed replies) are never paired by knossos and so never checked (verified on Maelstrom).
 */
export function checkEcho(history: History): CheckResult {
  const open = new Map<Op['process'], Op>();
  const errors: unknown[] = [];
  for (const op of history) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'invoke') {
      open.set(op.process, op);
      continue;
    }
    const invoke = open.get(op.process);
    open.delete(op.process);
    if (!invoke || op.type === 'info') continue;
    const echoed = isPlainObject(op.value) ? op.value['echo'] : undefined;
    if (echoed === undefined || !jsonEqual(invoke.value, echoed)) {
      errors.push(['Expected a message with :echo', invoke.value, 'But received', op.value ?? null]);
    }
  }
  return { 'valid?': errors.length === 0, errors };
}
