import type { Failure, FailureTable } from '../model';
import { cycleGraph, isCycleCase } from './cycles';
import { failure, type ExplainContext } from './failure';
import { plural, short } from './format';
import { objectsTable } from './objects-table';

/** What Elle's anomaly names mean, for the ones read-uncommitted and read-committed prohibit. */
const MEANINGS: Readonly<Record<string, string>> = {
  G0: 'write cycle: transactions overwrote each other in a cycle (dirty write).',
  G1a: 'aborted read: a committed transaction read a value written by a transaction that failed.',
  G1b: 'intermediate read: a committed transaction read a value that its writer later overwrote in the same transaction.',
  G1c: 'circular information flow: transactions read each other’s writes (and overwrote) in a cycle.',
  'G-single': 'read skew: a cycle with exactly one read-write (anti-dependency) edge.',
  G2: 'a cycle with read-write (anti-dependency) edges: write skew.',
  'dirty-update': 'a write built on a value of a transaction that failed.',
  'cyclic-versions': 'the order of versions of a key is itself a cycle.',
  'empty-transaction-graph':
    'no dependency between any two transactions could be inferred, so nothing was checked.',
  internal: 'a transaction did not read its own earlier write.',
  'lost-update': 'two transactions read the same version of a key and both wrote it.',
};

interface ElleResult {
  readonly 'anomaly-types'?: readonly string[];
  readonly anomalies?: Readonly<Record<string, readonly unknown[]>> | null;
  readonly not?: readonly string[];
}

/** txn-rw-register (Elle): each anomaly type found, dependency cycles drawn as graphs with named edges. */
export function explainTxn(result: unknown, ctx: ExplainContext): Failure {
  const r = result as ElleResult;
  const types = r['anomaly-types'] ?? [];
  const anomalies = r.anomalies ?? {};
  const paragraphs = types.map((t) => `${t} (${plural((anomalies[t] ?? []).length, 'case')}): ${meaning(t)}`);
  if (r.not && r.not.length > 0)
    paragraphs.push(
      `So the history is not ${r.not.join(', ')}, which this run's --consistency-models asks for.`,
    );
  const tables: FailureTable[] = [];
  const cycles: Failure['cycles'][number][] = [];
  for (const type of types) {
    const cases = anomalies[type] ?? [];
    cases.filter(isCycleCase).forEach((c, i) => cycles.push(cycleGraph(c, `${type} #${i + 1}`)));
    const others = cases.filter((c) => !isCycleCase(c));
    if (others.length > 0) tables.push(objectsTable(type, others, ctx));
  }
  const headline = types.map((t) => `${t} ×${(anomalies[t] ?? []).length}`).join(', ');
  return failure('workload', headline || `invalid: ${short(result, 100)}`, { paragraphs, tables, cycles });
}

/** An anomaly's meaning; variants (G-single-item, G1c-process, …) share their base type's. */
function meaning(type: string): string {
  const base = Object.keys(MEANINGS)
    .filter((name) => type === name || type.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  const variant = base && base !== type ? ` (${type.slice(base.length + 1)} variant)` : '';
  return base ? `${MEANINGS[base]}${variant}` : 'see Elle’s documentation of anomaly types.';
}
