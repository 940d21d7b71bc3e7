import { relative } from 'node:path';
import { loadChallenges } from '../challenges';
import { writeSuiteIndex } from '../report/suite-index';
import {
  readLastRows,
  readSummaryRows,
  recordCachedRows,
  rowPassed,
  type SummaryRow,
} from '../results/summary-rows';
import {
  rowCells,
  suiteVerdict,
  TABLE_HEADER,
  textTable,
  verdictCell,
  type MissingRow,
} from '../results/summary-table';
import { repoRoot } from '../repo-root';
import { EXIT_BAD_ARGS, type CommandIo } from './test-command';

const USAGE =
  'Usage: glomers-bench summary [--suite ID] [--cached app,…] [--missing app=status,…]\n' +
  '  Without --suite: the latest row of every challenge on every engine. With it: the rows of that suite run.\n' +
  '  --cached names challenge apps whose task Nx answered from its cache: their last rows, marked (cached).\n' +
  '  --missing names challenge apps whose task ended without a row (shown as failed).';

/**
 * `glomers-bench summary`: one table of challenge results (the suite's last word), the failing rows again below it
 * with their failing checks and report, and store/index.html with the same rows. Exit 1 when any row failed.
 */
export async function summaryCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const suite = option(argv, '--suite');
  const missingArg = option(argv, '--missing');
  const cachedArg = option(argv, '--cached');
  const asked = [suite, missingArg, cachedArg].some((o) => o !== undefined);
  if (argv.includes('--help') || (argv.length > 0 && !asked)) {
    io.err(USAGE);
    return argv.includes('--help') ? 0 : EXIT_BAD_ARGS;
  }
  const root = repoRoot(io.cwd);
  const all = readSummaryRows(root);
  const challenges = loadChallenges();
  const cachedApps = (cachedArg ?? '').split(',').filter(Boolean);
  const cached = cachedApps.flatMap((app) => readLastRows(root, app).map((r) => ({ ...r, cached: true })));
  recordCachedRows(root, cached, all);
  const ran = suite === undefined ? latestPerChallenge(all) : all.filter((r) => r.suite === suite);
  const rows = order(
    [...ran.filter((r) => !cachedApps.includes(r.app)), ...cached],
    challenges.map((c) => c.challenge),
  );
  const missing: MissingRow[] = [
    ...(missingArg ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [app, status = 'failure'] = pair.split('=');
        return { app, status };
      }),
    ...cachedApps.map((app) => ({ app, status: 'a cache hit whose rows are gone' })),
  ].filter((m) => !rows.some((r) => r.app === m.app));
  if (rows.length === 0 && missing.length === 0) {
    io.out(
      'No challenge results yet (run `npx nx run-many -t maelstrom`, or `glomers-bench challenge <app>`).',
    );
    return 0;
  }
  const index = writeSuiteIndex(root, rows, missing);
  const bounds = (r: SummaryRow) => challenges.find((c) => c.challenge === r.challenge)?.bounds;
  const table = [
    ...rows.map((r) => rowCells(r, bounds(r))),
    ...missing.map((m) => ['✗', m.app, '-', '-', 'no result', '-', '-', '-']),
  ];
  io.out('');
  for (const line of textTable(TABLE_HEADER, table)) io.out(line);
  const failed = rows.filter((r) => !rowPassed(r));
  const failures = failed.length + missing.length;
  const where = (path: string) => relative(io.cwd, path) || path;
  if (failures > 0) {
    io.out(`\n${suiteVerdict(failures, rows.length + missing.length)}:`);
    for (const r of failed) {
      io.out(
        `✗ ${r.challenge} (${r.app}, ${r.engine}${r.seed != null ? `, seed ${r.seed}` : ''}): ${verdictCell(r)}`,
      );
      for (const line of r.failures ?? r['missed-bounds']) io.out(`    ${line}`);
      if (r.report) io.out(`    report: ${where(r.report)}`);
    }
    for (const m of missing)
      io.out(`✗ ${m.app}: no result, its maelstrom task ended with ${m.status} (its output is above)`);
  } else io.out(`\n${suiteVerdict(0, rows.length)}.`);
  io.out(`Suite page: ${where(index)}`);
  return failures > 0 ? 1 : 0;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function latestPerChallenge(rows: readonly SummaryRow[]): SummaryRow[] {
  const latest = new Map<string, SummaryRow>();
  for (const row of rows) latest.set(`${row.challenge}\u0000${row.engine}`, row);
  return [...latest.values()];
}

/** In the challenge table's order, then by engine; a row run twice in one suite shows once, the latest. */
function order(rows: readonly SummaryRow[], names: readonly string[]): SummaryRow[] {
  return latestPerChallenge(rows).sort(
    (a, b) => names.indexOf(a.challenge) - names.indexOf(b.challenge) || a.engine.localeCompare(b.engine),
  );
}
