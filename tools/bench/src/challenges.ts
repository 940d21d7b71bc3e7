import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

/**
 * Every Gossip Glomers challenge run (reference §8). Each app declares its own rows beside it, in
 * `apps/<app>/challenges.json`: the row's name, Maelstrom `test` arguments as on the challenge page (without --bin),
 * and the performance bounds the challenge sets. `glomers-bench challenge <app>` runs an app's rows against
 * dist/apps/<app>/main.js on the chosen engine. This module is the one reader of those files.
 */
export interface Bounds {
  /** `net.servers.msgs-per-op` must be below this. */
  readonly serversMsgsPerOp?: number;
  /** `workload.stable-latencies` 0.5 (ms) must be below this. */
  readonly stableLatencyMedianMs?: number;
  /** `workload.stable-latencies` 1 (ms) must be below this. */
  readonly stableLatencyMaxMs?: number;
}

export interface ChallengeRun {
  /** Row name, e.g. '3d' or '3d-partition'. */
  readonly challenge: string;
  /** The Nx app project whose dist/apps/<app>/main.js is the node (the folder holding the row's file). */
  readonly app: string;
  readonly args: readonly string[];
  readonly bounds?: Bounds;
  /**
   * For a row this repository adds beside a challenge's own (e.g. '3d-partition'), the row it varies ('3d'). The
   * fourteen rows without it are the challenges' command lines; `GLOMERS_ROWS=official` runs only those.
   */
  readonly variantOf?: string;
}

/** An app's challenges.json, relative to the repository root. */
export const challengeFile = (app: string): string => `apps/${app}/challenges.json`;

/** A challenges.json that cannot be used; the message names the file and what is wrong with it. */
export class ChallengeFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ChallengeFileError';
  }
}

const BOUND_NAMES: readonly (keyof Bounds)[] = [
  'serversMsgsPerOp',
  'stableLatencyMedianMs',
  'stableLatencyMaxMs',
];
const ROW_KEYS = ['challenge', 'args', 'bounds', 'variantOf'];
const ROW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ARG = /^[\x21-\x7e]+$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rows of one app's file (`text`, named `file` in errors), checked: `{ "rows": [{ "challenge", "args",
 * "bounds"? }, …] }`, at least one row, `args` one line of printable ASCII options with `-w <workload>` and no
 * `--bin` (the bench adds it), bounds positive numbers. Throws ChallengeFileError on anything else.
 */
export function parseChallengeFile(text: string, file: string, app: string): ChallengeRun[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ChallengeFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(json) || !Array.isArray(json['rows']) || json['rows'].length === 0)
    throw new ChallengeFileError(file, 'must be an object whose "rows" is a non-empty array');
  const extra = Object.keys(json).filter((k) => k !== 'rows' && k !== '$schema');
  if (extra.length > 0) throw new ChallengeFileError(file, `unknown key ${JSON.stringify(extra[0])}`);
  const rows = json['rows'].map((row: unknown, i: number) => parseRow(row, `rows[${i}]`, file, app));
  rows.forEach((row, i) => {
    if (row.variantOf === undefined) return;
    const base = rows.find((other) => other.challenge === row.variantOf);
    if (base === undefined || base.variantOf !== undefined)
      throw new ChallengeFileError(
        file,
        `rows[${i}]: "variantOf" ${JSON.stringify(row.variantOf)} is not a row of this file without "variantOf"`,
      );
  });
  return rows;
}

function parseRow(row: unknown, where: string, file: string, app: string): ChallengeRun {
  const fail = (problem: string) => new ChallengeFileError(file, `${where}: ${problem}`);
  if (!isObject(row)) throw fail('must be an object with "challenge" and "args"');
  const unknown = Object.keys(row).find((k) => !ROW_KEYS.includes(k));
  if (unknown !== undefined)
    throw fail(`unknown key ${JSON.stringify(unknown)} (a row has ${ROW_KEYS.join(', ')})`);
  const { challenge, args, bounds, variantOf } = row;
  if (typeof challenge !== 'string' || !ROW_NAME.test(challenge))
    throw fail('"challenge" must be a row name such as "3d" or "3d-partition"');
  if (typeof args !== 'string') throw fail('"args" must be a string: Maelstrom test options, without --bin');
  const words = args.trim().split(/\s+/).filter(Boolean);
  const bad = words.find((w) => !ARG.test(w));
  if (bad !== undefined) throw fail(`"args" may hold printable ASCII only, not ${JSON.stringify(bad)}`);
  const w = words.indexOf('-w');
  if (w < 0 || words[w + 1] === undefined) throw fail('"args" must name a workload (-w <workload>)');
  if (words.includes('--bin')) throw fail('"args" must not hold --bin: the bench adds the app\'s bundle');
  if (variantOf !== undefined && (typeof variantOf !== 'string' || !ROW_NAME.test(variantOf)))
    throw fail('"variantOf" must name the row this one varies, such as "3d"');
  return {
    challenge,
    app,
    args: words,
    ...(bounds === undefined ? {} : { bounds: parseBounds(bounds, fail) }),
    ...(variantOf === undefined ? {} : { variantOf }),
  };
}

function parseBounds(bounds: unknown, fail: (problem: string) => Error): Bounds {
  if (!isObject(bounds)) throw fail('"bounds" must be an object');
  const out: { -readonly [K in keyof Bounds]: number } = {};
  for (const [key, value] of Object.entries(bounds)) {
    const name = BOUND_NAMES.find((n) => n === key);
    if (name === undefined)
      throw fail(`unknown bound ${JSON.stringify(key)} (bounds: ${BOUND_NAMES.join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw fail(`bound ${key} must be a positive number`);
    out[name] = value;
  }
  return out;
}

/** Row names in challenge order: 1, 2, 3a, 3b, …, 3d, 3d-partition, …, 6c. */
const byRowName = (a: ChallengeRun, b: ChallengeRun) =>
  a.challenge.localeCompare(b.challenge, 'en', { numeric: true });

const loaded = new Map<string, readonly ChallengeRun[]>();

/**
 * Every app's rows (each `apps/<app>/challenges.json` under `root`, by default the workspace this bench belongs
 * to), in challenge order; an app folder without the file has no rows. Throws ChallengeFileError for a file that
 * does not parse or check, or a row name two rows share. Read once per root.
 */
export function loadChallenges(root: string = repoRoot(__dirname)): readonly ChallengeRun[] {
  const known = loaded.get(root);
  if (known) return known;
  const appsDir = join(root, 'apps');
  const apps = existsSync(appsDir)
    ? readdirSync(appsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(appsDir, d.name, 'challenges.json')))
        .map((d) => d.name)
        .sort()
    : [];
  const rows = apps.flatMap((app) =>
    parseChallengeFile(readFileSync(join(root, challengeFile(app)), 'utf8'), challengeFile(app), app),
  );
  const seen = new Map<string, string>();
  for (const row of rows) {
    const other = seen.get(row.challenge);
    if (other !== undefined)
      throw new ChallengeFileError(
        challengeFile(row.app),
        `row ${JSON.stringify(row.challenge)} is also a row of ${challengeFile(other)}; row names are unique`,
      );
    seen.set(row.challenge, row.app);
  }
  const sorted = rows.sort(byRowName);
  loaded.set(root, sorted);
  return sorted;
}

/** One app's rows, in challenge order (none when the app has no challenges.json). */
export function challengesFor(app: string, root?: string): ChallengeRun[] {
  return loadChallenges(root).filter((c) => c.app === app);
}

/** Which rows a `challenge` run takes: every row, or the challenges' own command lines (no variants). */
export type RowSelection = 'all' | 'official';
export const ROW_SELECTIONS: readonly RowSelection[] = ['all', 'official'];

/** The rows `selection` keeps, in their order. */
export function selectRows(rows: readonly ChallengeRun[], selection: RowSelection): ChallengeRun[] {
  return rows.filter((row) => selection === 'all' || row.variantOf === undefined);
}
