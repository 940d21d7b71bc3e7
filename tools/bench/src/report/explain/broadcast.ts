import { pairOps, type Op } from '../../lib/history';
import type { Failure } from '../model';
import { failure, table, type ExplainContext } from './failure';
import { describeOp, listSample, plural } from './format';

interface SetFullResult {
  readonly lost?: readonly number[];
  readonly 'never-read'?: readonly number[];
  readonly 'attempt-count'?: number;
}

/** Where one broadcast value went: its broadcast, the last read that returned it, the final reads that did not. */
interface Trail {
  broadcast: Op | undefined;
  lastSeen: Op | undefined;
  missingFrom: Op[];
}

/**
 * broadcast (Jepsen's set-full): a value acknowledged to a client must show up in every read after it stabilised.
 * Lost: acknowledged, yet absent from reads at the end. Never read: acknowledged, no read ever returned it.
 */
export function explainBroadcast(result: unknown, ctx: ExplainContext): Failure {
  const r = result as SetFullResult;
  const lost = r.lost ?? [];
  const neverRead = r['never-read'] ?? [];
  const trails = trailsOf([...lost, ...neverRead], ctx.history);
  const headline = [
    lost.length > 0 ? `${plural(lost.length, 'broadcast value')} lost (${listSample(lost)})` : '',
    neverRead.length > 0 ? `${plural(neverRead.length, 'value')} never read (${listSample(neverRead)})` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const row = (value: number): string[] => {
    const t = trails.get(value);
    const nodes = [
      ...new Set((t?.missingFrom ?? []).map((op) => ctx.nodeOf(op.process) ?? `process ${op.process}`)),
    ];
    return [
      String(value),
      t?.broadcast ? describeOp(t.broadcast, ctx.nodeOf) : 'no broadcast of it in the history',
      t?.lastSeen ? describeOp(t.lastSeen, ctx.nodeOf) : 'never returned by any read',
      nodes.length > 0 ? nodes.join(', ') : '-',
    ];
  };
  const columns = ['value', 'broadcast (acknowledged)', 'last seen in', 'final reads without it'];
  return failure('workload', headline || 'invalid', {
    paragraphs: [
      `Of ${plural(r['attempt-count'] ?? 0, 'value')} broadcast, every value a node acknowledged must reach every ` +
        'node: after some point, every read must return it. A value is lost when reads stopped returning it (or ' +
        'never did) by the end of the run, after the network healed and the final reads ran.',
    ],
    tables: [
      ...(lost.length > 0 ? [table('Lost values and where each was last seen', columns, lost.map(row))] : []),
      ...(neverRead.length > 0 ? [table('Values no read ever returned', columns, neverRead.map(row))] : []),
    ],
  });
}

function trailsOf(values: readonly number[], history: readonly Op[]): Map<number, Trail> {
  const trails = new Map<number, Trail>(
    values.map((v) => [v, { broadcast: undefined, lastSeen: undefined, missingFrom: [] }]),
  );
  for (const { invoke, complete } of pairOps(history.filter((op) => op.process !== 'nemesis'))) {
    if (!complete) continue;
    if (invoke.f === 'broadcast' && typeof invoke.value === 'number') {
      const t = trails.get(invoke.value);
      if (t) t.broadcast = complete;
    } else if (invoke.f === 'read' && complete.type === 'ok' && Array.isArray(complete.value)) {
      const seen = new Set(complete.value as unknown[]);
      for (const [value, t] of trails) {
        if (seen.has(value)) t.lastSeen = complete;
        else if (complete.final) t.missingFrom.push(complete);
      }
    }
  }
  return trails;
}
