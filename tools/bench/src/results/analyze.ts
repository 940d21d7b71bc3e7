import type { Clock } from '@glomers/sim';
import type { CheckResult, History } from '../lib/history';
import { mergeValidity } from '../lib/history';
import type { TestOptions, Workload } from '../lib/workload';
import type { NetStats } from '../checkers/net-stats';
import {
  checkAvailability,
  checkExceptions,
  checkStats,
  PERF_RESULT,
  TIMELINE_RESULT,
} from '../checkers/standard';

/** Runs a checker as Jepsen's check-safe does: a throw becomes `:valid? :unknown` with the error. */
async function safely(check: () => CheckResult | Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    return { 'valid?': 'unknown', error: (error as Error).stack ?? String(error) };
  }
}

/** results.json: Maelstrom's composed checker, same keys and order, `valid?` the worst child (§6, §7). */
export async function analyze(
  history: History,
  netStats: NetStats,
  workload: Workload,
  options: TestOptions,
  storeDir: string | undefined,
  clock?: Clock,
): Promise<CheckResult> {
  const clientInvocations = history.filter((op) => op.type === 'invoke' && op.process !== 'nemesis').length;
  const children: Record<string, CheckResult> = {
    perf: PERF_RESULT,
    timeline: TIMELINE_RESULT,
    exceptions: await safely(() => checkExceptions(history)),
    stats: await safely(() => checkStats(history)),
    availability: await safely(() => checkAvailability(history, options.availability)),
    net: netStats.result(clientInvocations) as CheckResult,
    workload: await safely(() => workload.check(history, { options, storeDir, clock })),
  };
  return { ...children, 'valid?': mergeValidity(Object.values(children).map((c) => c['valid?'])) };
}

/** Maelstrom's closing line for a verdict. */
export function closingLine(valid: CheckResult['valid?']): string {
  if (valid === true) return 'Everything looks good! ヽ(‘ー`)ノ';
  if (valid === false) return 'Analysis invalid! (ﾉಥ益ಥ）ﾉ ┻━┻';
  return 'Errors occurred during analysis, but no anomalies found. ಠ~ಠ';
}

export function exitCodeFor(valid: CheckResult['valid?']): number {
  return valid === true ? 0 : valid === false ? 1 : 2;
}

/** The top-level checks that are not valid, e.g. ['workload', 'stats'], for naming the failing check. */
export function failingChecks(results: CheckResult): string[] {
  return Object.entries(results)
    .filter(
      ([key, value]) =>
        key !== 'valid?' &&
        typeof value === 'object' &&
        value !== null &&
        (value as CheckResult)['valid?'] !== true,
    )
    .map(([key]) => key);
}
