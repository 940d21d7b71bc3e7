/**
 * Jepsen's kafka checker as Maelstrom 0.2.4 runs it (jepsen.tests.kafka `checker`, with Maelstrom's options:
 * sub-via #{:assign}, no ww-deps, no txns). Pure function of the history.
 */
import type { CheckResult, History, Op } from '../../lib/history';
import { cycleAnomalies } from './cycles';
import { duplicateCases } from './duplicates';
import { g1aCases } from './g1a';
import { lostWriteCases } from './lost-write';
import { intPollCases, intSendCases, nonmonotonicSendCases, pollCases } from './order-cases';
import { worstRealtimeLag } from './realtime-lag';
import { lastUnseen } from './unseen';
import { precommittedReadCases } from './precommitted-read';
import { readsByType, versionOrders } from './version-orders';
import { CheckerCrash, NoWriterOf, readersOf, writerOf } from './writers-readers';

/**
 * Error types that do not invalidate a Maelstrom kafka test (`allowed-error-types` without subscribe/ww-deps):
 * interleaved transactional sends, write cycles and their cycle-exists forms. Everything else is bad, including
 * `empty-transaction-graph` and the PL-2 / strong-PL-2 cycle-exists cases.
 */
export const ALLOWED_ERROR_TYPES: ReadonlySet<string> = new Set([
  'int-send-skip',
  'G0',
  'G0-process',
  'G0-realtime',
  'PL-1-cycle-exists',
  'strong-PL-1-cycle-exists',
]);

/** How many cases each type reports, and which (`condense-error`). */
function condense(type: string, errs: unknown): unknown {
  if (type === 'unseen') return errs;
  if (!Array.isArray(errs)) return { count: 1, errs };
  const byDelta = (a: unknown, b: unknown): number => deltaOf(a) - deltaOf(b);
  const list = errs as unknown[];
  let shown: unknown[];
  switch (type) {
    case 'duplicate':
      shown = [...list].sort((a, b) => field(a, 'count') - field(b, 'count')).slice(0, 32);
      break;
    case 'G0':
    case 'G0-process':
    case 'G0-realtime':
    case 'G1c':
    case 'G1c-process':
    case 'G1c-realtime':
      shown = [...list].sort((a, b) => stepsOf(a) - stepsOf(b)).slice(0, 8);
      break;
    case 'inconsistent-offsets':
      shown = [...list].sort((a, b) => valuesOf(a) - valuesOf(b)).slice(0, 32);
      break;
    case 'int-nonmonotonic-poll':
    case 'int-nonmonotonic-send':
    case 'nonmonotonic-poll':
    case 'nonmonotonic-send':
      shown = [...list].sort(byDelta).slice(0, 8);
      break;
    case 'int-poll-skip':
    case 'int-send-skip':
    case 'poll-skip':
      shown = [...list].sort(byDelta).slice(-8);
      break;
    default:
      shown = list;
  }
  return { count: list.length, errs: shown };
}

function field(x: unknown, name: string): number {
  const v = (x as Record<string, unknown>)[name];
  return typeof v === 'number' ? v : 0;
}
const deltaOf = (x: unknown): number => field(x, 'delta');
const stepsOf = (x: unknown): number => ((x as { steps?: unknown[] }).steps ?? []).length;
const valuesOf = (x: unknown): number => ((x as { values?: unknown[] }).values ?? []).length;

/** The analysis's error map (type → cases), before condensing; throws where Jepsen's checker throws. */
export function kafkaErrors(history: History): {
  errors: Record<string, unknown>;
  worstLag: Record<string, unknown>;
} {
  const ops = history.filter((op) => op.process !== 'nemesis');
  const reads = readsByType(ops);
  const { orders, errors: inconsistent } = versionOrders(ops, reads);
  const writers = writerOf(ops);
  const readers = readersOf(ops);
  // Jepsen derefs lost-write-cases before the cycle search: its crash, if any, is the one reported.
  const lost = lostWriteCases(orders, reads, writers, readers);
  const cycles = cycleAnomalies(ops, writers, readers);
  const intPoll = intPollCases(ops, orders);
  const intSend = intSendCases(ops, orders);
  const poll = pollCases(ops, orders);
  const unseen = lastUnseen(ops);

  const errors: Record<string, unknown> = {};
  const put = (type: string, cases: readonly unknown[]): void => {
    if (cases.length > 0) errors[type] = cases;
  };
  put('duplicate', duplicateCases(orders));
  put('int-poll-skip', intPoll.skip);
  put('int-nonmonotonic-poll', intPoll.nonmonotonic);
  put('int-nonmonotonic-send', intSend.nonmonotonic);
  put('int-send-skip', intSend.skip);
  put('inconsistent-offsets', inconsistent);
  put('precommitted-read', precommittedReadCases(ops));
  put('G1a', g1aCases(ops, writers));
  put('lost-write', lost);
  put('nonmonotonic-poll', poll.nonmonotonic);
  put('nonmonotonic-send', nonmonotonicSendCases(ops, orders));
  put('poll-skip', poll.skip);
  if (unseen && Object.keys(unseen.unseen).length > 0) errors['unseen'] = unseen;
  Object.assign(errors, cycles);
  return { errors, worstLag: worstRealtimeLag(ops) };
}

/** The `workload` entry of results.json for a kafka test. */
export function checkKafka(history: History): CheckResult {
  let analysis: ReturnType<typeof kafkaErrors>;
  try {
    analysis = kafkaErrors(history);
  } catch (e) {
    if (e instanceof NoWriterOf) {
      return {
        'valid?': 'unknown',
        error: { type: e.type, key: e.key, value: e.messageValue, message: e.message },
      };
    }
    if (e instanceof CheckerCrash) {
      return { 'valid?': 'unknown', error: { type: e.exceptionType, message: e.message } };
    }
    throw e;
  }
  const { errors, worstLag } = analysis;
  const types = Object.keys(errors).sort();
  const bad = types.filter((t) => !ALLOWED_ERROR_TYPES.has(t));
  const result: Record<string, unknown> = {
    'valid?': bad.length === 0,
    'worst-realtime-lag': worstLag,
    'bad-error-types': bad,
    'error-types': types,
    'info-txn-causes': infoTxnCauses(history),
  };
  for (const t of types) result[t] = condense(t, errors[t]);
  return result as CheckResult;
}

/** Distinct errors of info send/poll/txn ops, in history order. */
function infoTxnCauses(history: History): unknown[] {
  const seen = new Set<string>();
  const causes: unknown[] = [];
  for (const op of history as readonly Op[]) {
    if (op.type !== 'info' || !['txn', 'send', 'poll'].includes(op.f)) continue;
    const key = JSON.stringify(op.error ?? null);
    if (!seen.has(key)) {
      seen.add(key);
      causes.push(op.error ?? null);
    }
  }
  return causes;
}
