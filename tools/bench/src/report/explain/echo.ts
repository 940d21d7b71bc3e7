import type { Failure } from '../model';
import { failure, type ExplainContext } from './failure';
import { plural } from './format';
import { objectsTable } from './objects-table';

/** echo: replies that failed or did not carry the payload sent. */
export function explainEcho(result: unknown, ctx: ExplainContext): Failure {
  const errors = ((result as { errors?: unknown[] }).errors ?? []) as unknown[];
  return failure('workload', `${plural(errors.length, 'echo')} failed or came back altered`, {
    paragraphs: ['Every echo reply must carry exactly the payload of its request.'],
    tables: [objectsTable('Wrong echoes', errors, ctx)],
  });
}
