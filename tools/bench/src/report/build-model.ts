import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at } from '../results/path';
import { boundsFailure, crashFailure, explainFailures } from './explain';
import { readJournal, type Journal } from './journal';
import type { CheckLine, Failure, NetSection, ReportModel, Verdict } from './model';
import { opSeries, partitionWindows } from './ops-series';
import { nodeOfProcess, runFacts } from './run-facts';
import type { RunFolder } from './run-folder';

/** challenge.json, written beside a run by `glomers-bench challenge`: the bounds its figures missed. */
export const CHALLENGE_FILE = 'challenge.json';

/**
 * Everything report.html shows about one run folder. `digested` is the folder's journal already digested (by the
 * run that wrote it); when it is missing or failed, messages.jsonl is read here.
 */
export async function buildReportModel(
  run: RunFolder,
  digested?: Promise<Journal | undefined>,
): Promise<ReportModel> {
  const facts = runFacts(run);
  const failures = runFailures(run);
  const missed = missedBounds(run.dir);
  const journal = run.journalFile
    ? ((await digested) ?? (await readJournal(run.journalFile, run.history)))
    : undefined;
  const verdict = verdictOf(run.results, facts.crash !== undefined);
  return {
    title: `${facts.workload ?? 'run'} ${facts.folder}: ${verdictText(verdict)}${missed.length > 0 ? ', missed bounds' : ''}`,
    verdict,
    facts,
    checks: checkLines(run.results),
    failures,
    ops: opSeries(run.history),
    partitions: partitionWindows(run.history),
    net: {
      ...netCounts(run.results),
      byType: journal?.byType ?? [],
      pairs: journal?.pairs,
    },
    messages: journal?.messages ?? {
      missing:
        run.engine === 'maelstrom'
          ? 'Maelstrom keeps its message journal in net-journal/*.fressian, which this report cannot read; its own diagram is messages.svg.'
          : 'This run has no messages.jsonl.',
    },
  };
}

/** Why a run failed, check by check: a crash, each invalid check of its results, missed challenge bounds. */
export function runFailures(run: RunFolder): Failure[] {
  const facts = runFacts(run);
  const failures: Failure[] = [];
  if (facts.crash !== undefined) failures.push(crashFailure(facts.crash));
  failures.push(
    ...explainFailures({
      results: run.results,
      history: run.history,
      workload: facts.workload,
      nodeOf: nodeOfProcess(run),
    }),
  );
  const missed = missedBounds(run.dir);
  if (missed.length > 0) failures.push(boundsFailure(missed));
  return failures;
}

export function verdictText(verdict: Verdict): string {
  if (verdict === true) return 'valid';
  if (verdict === false) return 'INVALID';
  if (verdict === 'unknown') return 'unknown (a checker could not decide)';
  if (verdict === 'crashed') return 'CRASHED';
  return 'no results';
}

function verdictOf(results: unknown, crashed: boolean): Verdict {
  if (crashed) return 'crashed';
  const valid = at(results, 'valid?');
  return valid === true || valid === false || valid === 'unknown' ? valid : 'missing';
}

function checkLines(results: unknown): CheckLine[] {
  if (typeof results !== 'object' || results === null) return [];
  return Object.entries(results)
    .filter(([name, value]) => name !== 'valid?' && typeof value === 'object' && value !== null)
    .map(([name, value]) => {
      const valid = (value as Record<string, unknown>)['valid?'];
      return { name, valid: valid === true || valid === false ? valid : String(valid) };
    });
}

function netCounts(results: unknown): Pick<NetSection, 'allMsgsPerOp' | 'serversMsgsPerOp' | 'counts'> {
  const num = (...path: string[]) => {
    const v = at(results, 'net', ...path);
    return typeof v === 'number' ? v : undefined;
  };
  return {
    allMsgsPerOp: num('all', 'msgs-per-op'),
    serversMsgsPerOp: num('servers', 'msgs-per-op'),
    counts: ['all', 'servers', 'clients']
      .filter((group) => num(group, 'send-count') !== undefined)
      .map((group) => ({
        group,
        sends: num(group, 'send-count') ?? 0,
        recvs: num(group, 'recv-count') ?? 0,
      })),
  };
}

function missedBounds(dir: string): string[] {
  const file = join(dir, CHALLENGE_FILE);
  if (!existsSync(file)) return [];
  const missed = (JSON.parse(readFileSync(file, 'utf8')) as { 'missed-bounds'?: unknown })['missed-bounds'];
  return Array.isArray(missed) ? missed.map(String) : [];
}
