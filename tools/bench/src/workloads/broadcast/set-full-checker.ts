import type { CheckResult, History, Op, Validity } from '../../lib/history';

/**
 * Jepsen's `set-full` checker in its non-linearizable mode, as Maelstrom's broadcast workload runs it (broadcasts are
 * the set's adds). Reproduces jepsen/checker.clj bug for bug: field names, ordering, and the quirks noted below.
 */

/** Per-element timeline, as Jepsen's SetFullElement: every op stored is a whole history entry. */
interface ElementState {
  readonly element: number;
  /** Completion of the add, or of the first ok read that contained the element, whichever came first. */
  known: Op | undefined;
  /** Invocation of the latest (by index) ok read that contained the element. */
  lastPresent: Op | undefined;
  /** Invocation of the latest (by index) ok read that lacked the element. */
  lastAbsent: Op | undefined;
}

export type SetFullOutcome = 'stable' | 'lost' | 'never-read';

export interface SetFullElementResult {
  readonly element: number;
  readonly outcome: SetFullOutcome;
  readonly 'stable-latency': number | null;
  readonly 'lost-latency': number | null;
  readonly known: Op | null;
  readonly 'last-absent': Op | null;
}

/** Quantile points of Jepsen's frequency-distribution, in the order results show them. */
export const LATENCY_POINTS = [0, 0.5, 0.95, 0.99, 1] as const;

/** Maelstrom's broadcast checker: set-full over the history with every `broadcast` op renamed to `add`. */
export function checkBroadcast(history: History): CheckResult {
  return checkSetFull(history.map((op) => (op.f === 'broadcast' ? { ...op, f: 'add' } : op)));
}

export function checkSetFull(history: History): CheckResult {
  const invocationOf = invocationsByCompletionIndex(history);
  const elements = new Map<number, ElementState>();

  for (const op of history) {
    if (op.process === 'nemesis') continue;
    if (op.f === 'add') {
      if (typeof op.value !== 'number') continue;
      if (op.type === 'invoke') {
        elements.set(op.value, {
          element: op.value,
          known: undefined,
          lastPresent: undefined,
          lastAbsent: undefined,
        });
      } else {
        const state = elements.get(op.value);
        if (state && op.type === 'ok' && state.known === undefined) state.known = op;
      }
    } else if (op.f === 'read' && op.type === 'ok') {
      const invocation = invocationOf.get(op.index);
      if (invocation === undefined) continue;
      const present = readNumbers(op.value);
      // Only elements whose add was invoked before this completion exist yet; reads of other values are ignored.
      for (const state of elements.values()) {
        if (present.has(state.element)) {
          state.known ??= op;
          if (state.lastPresent === undefined || state.lastPresent.index < invocation.index) {
            state.lastPresent = invocation;
          }
        } else if (state.lastAbsent === undefined || state.lastAbsent.index < invocation.index) {
          state.lastAbsent = invocation;
        }
      }
    }
  }

  const sorted = [...elements.values()].sort((a, b) => a.element - b.element);
  return {
    ...setFullResults(sorted.map(elementResult)),
    // Jepsen counts duplicates with `(< count 1)`, which never holds: duplicates inside a read are never reported.
    'duplicated-count': 0,
    duplicated: {},
  };
}

function setFullResults(results: readonly SetFullElementResult[]): CheckResult {
  const stable = results.filter((r) => r.outcome === 'stable');
  const lost = results.filter((r) => r.outcome === 'lost');
  const neverRead = results.filter((r) => r.outcome === 'never-read');
  const stale = stable.filter((r) => (r['stable-latency'] ?? 0) > 0);
  // Jepsen sorts ascending (stable) and reverses: ties end up with the larger element first.
  const worstStale = [...stale]
    .sort((a, b) => (a['stable-latency'] ?? 0) - (b['stable-latency'] ?? 0))
    .reverse()
    .slice(0, 8);
  const stableLatencies = results.flatMap((r) => (r['stable-latency'] === null ? [] : [r['stable-latency']]));
  const lostLatencies = results.flatMap((r) => (r['lost-latency'] === null ? [] : [r['lost-latency']]));

  const valid: Validity = lost.length > 0 ? false : stable.length === 0 ? 'unknown' : true;
  return {
    'valid?': valid,
    'attempt-count': results.length,
    'stable-count': stable.length,
    'lost-count': lost.length,
    lost: lost.map((r) => r.element),
    'never-read-count': neverRead.length,
    'never-read': neverRead.map((r) => r.element),
    'stale-count': stale.length,
    stale: stale.map((r) => r.element),
    'worst-stale': worstStale,
    ...(stableLatencies.length > 0 ? { 'stable-latencies': frequencyDistribution(stableLatencies) } : {}),
    ...(lostLatencies.length > 0 ? { 'lost-latencies': frequencyDistribution(lostLatencies) } : {}),
  };
}

function elementResult(state: ElementState): SetFullElementResult {
  const { known, lastPresent, lastAbsent } = state;
  const stable = lastPresent !== undefined && (lastAbsent?.index ?? -1) < lastPresent.index;
  const lost =
    known !== undefined &&
    lastAbsent !== undefined &&
    (lastPresent?.index ?? -1) < lastAbsent.index &&
    known.index < lastAbsent.index;
  // Jepsen's TODOs: "0 isn't really right", kept as is.
  const stableTime = lastAbsent ? lastAbsent.time + 1 : 0;
  const lostTime = lastPresent ? lastPresent.time + 1 : 0;
  const knownTime = known?.time ?? 0;
  return {
    element: state.element,
    outcome: stable ? 'stable' : lost ? 'lost' : 'never-read',
    'stable-latency': stable ? nanosToWholeMillis(Math.max(0, stableTime - knownTime)) : null,
    'lost-latency': lost ? nanosToWholeMillis(Math.max(0, lostTime - knownTime)) : null,
    known: known ?? null,
    'last-absent': lastAbsent ?? null,
  };
}

/** Jepsen's `(long (nanos->ms x))`: a ratio truncated toward zero. */
function nanosToWholeMillis(nanos: number): number {
  return Math.trunc(nanos / 1_000_000);
}

/** Jepsen's frequency-distribution: sorted values taken at index min(n−1, ⌊n·q⌋) for each point q. */
export function frequencyDistribution(values: readonly number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const distribution: Record<string, number> = {};
  for (const point of LATENCY_POINTS) {
    distribution[String(point)] = sorted[Math.min(n - 1, Math.floor(n * point))];
  }
  return distribution;
}

function readNumbers(value: unknown): ReadonlySet<number> {
  if (!Array.isArray(value)) return new Set();
  return new Set(value.filter((x): x is number => typeof x === 'number'));
}

function invocationsByCompletionIndex(history: History): ReadonlyMap<number, Op> {
  const open = new Map<Op['process'], Op>();
  const invocations = new Map<number, Op>();
  for (const op of history) {
    if (op.type === 'invoke') {
      open.set(op.process, op);
    } else {
      const invocation = open.get(op.process);
      if (invocation !== undefined) {
        invocations.set(op.index, invocation);
        open.delete(op.process);
      }
    }
  }
  return invocations;
}
