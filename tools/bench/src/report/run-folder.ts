import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Op } from '../lib/history';
import { readEdn } from '../results/edn-reader';
import { maelstromHistory } from './maelstrom-history';
import type { EngineName } from './model';

/** What a run's store folder holds, read from either engine's files (bench/sim: JSON; Maelstrom: EDN). */
export interface RunFolder {
  readonly dir: string;
  readonly engine: EngineName;
  /** results.json or results.edn, parsed; undefined when the run crashed before analysis. */
  readonly results: unknown;
  readonly history: readonly Op[];
  /** messages.jsonl, when the engine wrote one. */
  readonly journalFile: string | undefined;
  /** bench.json (seed, wall time, crash, command line, …), when present. */
  readonly bench: Readonly<Record<string, unknown>>;
  readonly jepsenLog: string;
  /** Node log paths relative to the folder, e.g. node-logs/n0.log. */
  readonly nodeLogs: readonly string[];
  /** Every other file of the folder, relative (report.html itself excluded). */
  readonly files: readonly string[];
}

/** The report a run folder gets (report/write-report.ts). */
export const REPORT_FILE = 'report.html';

export function isRunFolder(dir: string): boolean {
  return ['history.jsonl', 'history.edn', 'results.json', 'results.edn', 'jepsen.log'].some((f) =>
    existsSync(join(dir, f)),
  );
}

/** `history`: the folder's history.jsonl as the run that wrote it holds it, so it is not read back. */
export function readRunFolder(dir: string, history?: readonly Op[]): RunFolder {
  const file = (name: string) => join(dir, name);
  const text = (name: string) => fileText(file(name));
  const isMaelstrom = !existsSync(file('history.jsonl')) && existsSync(file('history.edn'));
  const resultsJson = text('results.json');
  const resultsEdn = text('results.edn');
  const results =
    resultsJson !== undefined
      ? JSON.parse(resultsJson)
      : resultsEdn !== undefined
        ? readEdn(resultsEdn)
        : undefined;
  const benchText = text('bench.json');
  const bench = benchText ? (JSON.parse(benchText) as Record<string, unknown>) : {};
  return {
    dir,
    engine: isMaelstrom ? 'maelstrom' : typeof bench['engine'] === 'string' ? bench['engine'] : 'bench',
    results,
    history: history ?? readHistory(dir, isMaelstrom),
    journalFile: existsSync(file('messages.jsonl')) ? file('messages.jsonl') : undefined,
    bench,
    jepsenLog: text('jepsen.log') ?? '',
    ...listRunFiles(dir),
  };
}

function fileText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function readHistory(dir: string, isMaelstrom: boolean): Op[] {
  const jsonl = fileText(join(dir, 'history.jsonl'));
  if (jsonl !== undefined)
    return jsonl
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Op);
  const edn = isMaelstrom ? fileText(join(dir, 'history.edn')) : undefined;
  return edn === undefined ? [] : maelstromHistory(edn);
}

function listRunFiles(dir: string): Pick<RunFolder, 'nodeLogs' | 'files'> {
  const all = listFiles(dir).filter((f) => !f.startsWith(REPORT_FILE));
  return {
    nodeLogs: all.filter((f) => /^node-logs\/.+\.log$/.test(f)).sort(byNodeName),
    files: all.filter((f) => !f.startsWith('node-logs/')),
  };
}

/** Files under dir, relative, one level of subfolders deep (node-logs/, elle/, …). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      for (const inner of readdirSync(full).sort()) out.push(`${entry}/${inner}`);
    } else if (stat) out.push(entry);
  }
  return out;
}

/** n2 before n10. */
function byNodeName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
