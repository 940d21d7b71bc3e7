import type { FailureTable } from '../model';
import { table, type ExplainContext } from './failure';
import { describeOp, isOp, short } from './format';

const MAX_COLUMNS = 6;

/** A list of anomaly cases as a table: one column per field (ops described in words), one row per case. */
export function objectsTable(caption: string, cases: readonly unknown[], ctx: ExplainContext): FailureTable {
  const columns: string[] = [];
  for (const c of cases) {
    if (isOp(c) || typeof c !== 'object' || c === null || Array.isArray(c)) continue;
    for (const key of Object.keys(c))
      if (!columns.includes(key) && columns.length < MAX_COLUMNS) columns.push(key);
  }
  const cell = (v: unknown) => (isOp(v) ? describeOp(v, ctx.nodeOf) : v === undefined ? '' : short(v, 120));
  if (columns.length === 0)
    return table(
      caption,
      ['case'],
      cases.map((c) => [cell(c)]),
    );
  return table(
    caption,
    columns,
    cases.map((c) => columns.map((k) => cell((c as Record<string, unknown>)[k]))),
  );
}
