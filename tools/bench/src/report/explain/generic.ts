import type { Failure } from '../model';
import { failure, type ExplainContext } from './failure';
import { short } from './format';

/** Any other failing check: its result, compact (long lists cut; results.json has it whole). */
export function explainGeneric(check: string, result: unknown, _ctx: ExplainContext): Failure {
  const r = (result ?? {}) as Record<string, unknown>;
  const valid = r['valid?'];
  const error = r['error'];
  return failure(
    check,
    error !== undefined ? `checker error: ${short(error, 160)}` : `valid? ${String(valid)}`,
    {
      paragraphs: [`The ${check} check's result: ${short(result, 1500)}`],
    },
  );
}
