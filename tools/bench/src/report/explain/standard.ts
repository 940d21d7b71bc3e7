import type { Op } from '../../lib/history';
import type { Failure } from '../model';
import { failure, table, type ExplainContext } from './failure';
import { describeOp, plural, short } from './format';

interface FStats {
  readonly 'valid?': unknown;
  readonly count?: number;
  readonly 'ok-count'?: number;
  readonly 'fail-count'?: number;
  readonly 'info-count'?: number;
}

/** stats: an operation type that never once succeeded. */
export function explainStats(result: unknown, _ctx: ExplainContext): Failure {
  const byF = ((result as { 'by-f'?: Record<string, FStats> })['by-f'] ?? {}) as Record<string, FStats>;
  const never = Object.entries(byF).filter(([, s]) => s['valid?'] !== true);
  const describe = ([f, s]: [string, FStats]) =>
    `${f} never succeeded (0 ok of ${s.count ?? 0}: ${s['fail-count'] ?? 0} fail, ${s['info-count'] ?? 0} info)`;
  return failure('stats', never.map(describe).join('; ') || 'invalid', {
    paragraphs: [
      'Every kind of operation must succeed at least once. A `fail` is a definite error reply; an `info` is an ' +
        'indeterminate outcome: a timeout (no reply within 5 s), an error code that may have taken effect, or a ' +
        'malformed reply.',
    ],
    tables: [
      table(
        'Operations by type',
        ['f', 'ok', 'fail', 'info', 'total'],
        Object.entries(byF).map(([f, s]) => [
          f,
          String(s['ok-count'] ?? 0),
          String(s['fail-count'] ?? 0),
          String(s['info-count'] ?? 0),
          String(s.count ?? 0),
        ]),
      ),
    ],
  });
}

/** availability: fewer ops succeeded than --availability asks for; the errors that made them fail. */
export function explainAvailability(result: unknown, ctx: ExplainContext): Failure {
  const fraction = (result as { 'ok-fraction'?: number })['ok-fraction'];
  const notOk = ctx.history.filter(
    (op) => op.process !== 'nemesis' && (op.type === 'fail' || op.type === 'info'),
  );
  const byError = new Map<string, Op[]>();
  for (const op of notOk) {
    const key = op.error !== undefined ? short(op.error, 60) : op.exception ? 'exception' : 'no error given';
    const ops = byError.get(key) ?? [];
    ops.push(op);
    byError.set(key, ops);
  }
  const percent = fraction === undefined ? 'an unknown share' : `${(fraction * 100).toFixed(2)}%`;
  return failure(
    'availability',
    `${percent} of operations succeeded; ${plural(notOk.length, 'op')} did not`,
    {
      paragraphs: [
        `This run requires a share of successful operations (--availability); ${percent} of the client ` +
          'operations completed ok. With `--availability total`, every single one must.',
      ],
      tables: [
        table(
          'Operations that did not succeed, by error',
          ['error', 'count', 'first'],
          [...byError.entries()]
            .sort((a, b) => b[1].length - a[1].length)
            .map(([error, ops]) => [error, String(ops.length), describeOp(ops[0], ctx.nodeOf)]),
        ),
      ],
    },
  );
}
