import type { Failure } from '../model';
import { failure, table, type ExplainContext } from './failure';
import { listSample, plural, short } from './format';

/** g-counter / pn-counter: final reads outside the values the acknowledged adds allow. */
export function explainCounter(result: unknown, _ctx: ExplainContext): Failure {
  const r = result as { errors?: unknown[] | null; 'final-reads'?: unknown[]; acceptable?: unknown[] };
  const errors = r.errors ?? [];
  const acceptable = (r.acceptable ?? []).map((range) => short(range)).join(' or ');
  return failure(
    'workload',
    `${plural(errors.length, 'final read')} outside ${acceptable || 'the acceptable values'} (final reads: ${listSample(r['final-reads'] ?? [])})`,
    {
      paragraphs: [
        'After the network heals, every node’s final read must return the sum of the acknowledged adds (a value ' +
          'in the acceptable range: adds that timed out may or may not count).',
      ],
      tables: [
        table(
          'Final reads out of range',
          ['read'],
          errors.map((e) => [short(e, 200)]),
        ),
      ],
    },
  );
}
