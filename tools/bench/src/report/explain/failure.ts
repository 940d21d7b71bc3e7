import type { Op } from '../../lib/history';
import type { CycleGraph, Failure, FailureTable } from '../model';
import type { NodeOf } from './format';

/** What an explainer may read: the run's results and history, and which node each process used. */
export interface ExplainContext {
  readonly results: unknown;
  readonly history: readonly Op[];
  readonly workload: string | undefined;
  readonly nodeOf: NodeOf;
}

/** Rows past this are left out of a page's table (results keep them all). */
export const TABLE_ROWS = 50;

export function failure(
  check: string,
  headline: string,
  parts: { paragraphs?: string[]; tables?: FailureTable[]; cycles?: CycleGraph[] } = {},
): Failure {
  return {
    check,
    headline: `${check}: ${headline}`,
    paragraphs: parts.paragraphs ?? [],
    tables: parts.tables ?? [],
    cycles: parts.cycles ?? [],
  };
}

export function table(
  caption: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  limit = TABLE_ROWS,
): FailureTable {
  return { caption, columns, rows: rows.slice(0, limit), omitted: Math.max(0, rows.length - limit) };
}
