import type { Failure } from '../model';
import { failure, table, type ExplainContext } from './failure';
import { plural, short } from './format';

/** unique-ids: ids handed out more than once. */
export function explainUniqueIds(result: unknown, _ctx: ExplainContext): Failure {
  const r = result as { 'duplicated-count'?: number; duplicated?: Record<string, number>; error?: unknown };
  if (r.error !== undefined) return failure('workload', String(r.error));
  const duplicated = Object.entries(r.duplicated ?? {});
  return failure(
    'workload',
    `${plural(r['duplicated-count'] ?? duplicated.length, 'id')} handed out more than once`,
    {
      paragraphs: ['Every generate request must get an id no other request got, across all nodes.'],
      tables: [
        table(
          'Duplicated ids',
          ['id', 'times handed out'],
          duplicated.map(([id, n]) => [short(id), String(n)]),
        ),
      ],
    },
  );
}
