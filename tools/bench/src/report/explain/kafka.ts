import type { Failure, FailureTable } from '../model';
import { cycleGraph, isCycleCase } from './cycles';
import { failure, table, type ExplainContext } from './failure';
import { describeOp, isOp, listSample, short } from './format';
import { objectsTable } from './objects-table';

/** What each of the kafka checker's error types means, in a sentence. */
const MEANINGS: Readonly<Record<string, string>> = {
  'lost-write':
    'A send was acknowledged with an offset, a later offset of the same key was polled, yet no poll ever returned this message: it was lost.',
  unseen: 'Acknowledged messages that no poll had returned by the end of the run.',
  duplicate: 'One message appears at two or more offsets of a key.',
  'inconsistent-offsets': 'One offset of a key held two or more different messages.',
  'int-poll-skip':
    'Inside one poll response, consecutive entries of a key skipped over offsets that hold messages.',
  'int-nonmonotonic-poll': 'Inside one poll response, the offsets of a key went backwards or repeated.',
  'poll-skip':
    "A process's next poll of a key did not start right after the last message its previous poll returned.",
  'nonmonotonic-poll':
    "A process's next poll of a key started before the last message its previous poll returned.",
  'nonmonotonic-send': 'A later send of one process got a lower offset than an earlier send to the same key.',
  G1a: 'A poll returned a message whose send failed (aborted read).',
  'precommitted-read': 'A poll returned a message before its send was acknowledged.',
};

interface KafkaResult {
  readonly 'bad-error-types'?: readonly string[];
  readonly 'error-types'?: readonly string[];
  readonly [type: string]: unknown;
}

/** kafka: each error type that fails the run, with its cases (lost writes by key and offset, cycles as graphs). */
export function explainKafka(result: unknown, ctx: ExplainContext): Failure {
  const r = result as KafkaResult;
  const bad = r['bad-error-types'] ?? [];
  const counts = bad.map((type) => `${type} ×${countOf(r[type])}`);
  const tables: FailureTable[] = [];
  const paragraphs: string[] = [];
  const graphs: Failure['cycles'][number][] = [];
  for (const type of bad) {
    paragraphs.push(
      `${type}: ${MEANINGS[type] ?? 'an anomaly in the order of sends and polls (Elle cycle search).'}`,
    );
    const errs = errsOf(r[type]);
    if (type === 'lost-write') tables.push(lostWrites(errs, ctx));
    else if (type === 'unseen') tables.push(unseen(r[type]));
    else if (errs.some(isCycleCase))
      errs.filter(isCycleCase).forEach((c, i) => graphs.push(cycleGraph(c, `${type} #${i + 1}`)));
    else tables.push(objectsTable(type, errs, ctx));
  }
  if (r['error'] !== undefined) paragraphs.push(`The checker stopped: ${short(r['error'], 300)}`);
  return failure('workload', counts.length > 0 ? counts.join(', ') : 'invalid', {
    paragraphs,
    tables,
    cycles: graphs,
  });
}

function lostWrites(errs: readonly unknown[], ctx: ExplainContext): FailureTable {
  return table(
    'Lost writes',
    ['key', 'offset', 'message', 'sent by', 'highest offset polled', 'poll that read past it'],
    errs.map((e) => {
      const c = e as Record<string, unknown>;
      return [
        short(c['key']),
        c['index'] === undefined || c['index'] === null ? '?' : String(c['index']),
        short(c['value']),
        isOp(c['writer']) ? describeOp(c['writer'], ctx.nodeOf) : '?',
        String(c['max-read-index'] ?? '?'),
        isOp(c['max-read']) ? describeOp(c['max-read'], ctx.nodeOf) : '-',
      ];
    }),
  );
}

function unseen(value: unknown): FailureTable {
  const v = (value ?? {}) as { unseen?: Record<string, number>; messages?: Record<string, unknown[]> };
  return table(
    'Messages never polled, by key',
    ['key', 'count', 'messages'],
    Object.entries(v.unseen ?? {}).map(([key, count]) => [
      key,
      String(count),
      listSample(v.messages?.[key] ?? []),
    ]),
  );
}

function errsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const errs = (value as { errs?: unknown } | undefined)?.errs;
  return Array.isArray(errs) ? errs : value === undefined ? [] : [value];
}

function countOf(value: unknown): number {
  const count = (value as { count?: unknown } | undefined)?.count;
  if (typeof count === 'number') return count;
  const unseenCounts = (value as { unseen?: Record<string, number> } | undefined)?.unseen;
  if (unseenCounts) return Object.values(unseenCounts).reduce((a, b) => a + b, 0);
  return errsOf(value).length;
}
