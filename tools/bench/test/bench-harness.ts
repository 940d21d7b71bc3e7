/**
 * The end-to-end harness of the bench's specs: runs `glomers-bench test` in-process, or the real Maelstrom in a
 * scratch folder, against a node, and reads back what the run wrote in one shape, so a spec compares the two
 * engines field by field.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { findMaelstrom } from '../src/cli/engine';
import type { Op } from '../src/lib/history';
import { main } from '../src/main';
import { readEdn } from '../src/results/edn-reader';

export const FIXTURES = join(__dirname, 'fixtures');
export const REPO_ROOT = join(__dirname, '..', '..', '..');

const bundles = new Map<string, string>();

/**
 * Bundles a node entry point (an app's `apps/<app>/src/main.ts`, or a runtime-based fixture) exactly as
 * `nx build` does, into a scratch folder, once per test file; returns the executable bundle.
 */
export function buildNode(entry: string): string {
  const source = isAbsolute(entry) ? entry : join(REPO_ROOT, entry);
  const cached = bundles.get(source);
  if (cached) return cached;
  const out = join(mkdtempSync(join(tmpdir(), 'glomers-node-')), 'main.js');
  execFileSync('node', [join(REPO_ROOT, 'tools/scripts/bundle-node.mjs'), source, out], { cwd: REPO_ROOT });
  bundles.set(source, out);
  return out;
}

export interface SentMessage {
  readonly src: string;
  readonly dest: string;
  readonly body: Record<string, unknown>;
}

/** What one run left, whichever engine ran it. */
export interface Run {
  readonly code: number;
  /** Everything the run printed, stdout and stderr. */
  readonly output: string;
  /** results.json, or Maelstrom's results.edn read into the same shape; undefined when the run wrote none. */
  readonly results: Record<string, unknown> | undefined;
  /** Bench runs: the run's store folder (left for inspection). */
  readonly dir: string | undefined;
  /** Bench runs: messages.jsonl and history.jsonl as written, and the history parsed. */
  readonly messages: string;
  readonly historyText: string;
  readonly history: Op[];
  /** Bench runs: bench.json. */
  readonly bench: Record<string, unknown> | undefined;
  /** Bench runs: every message handed to the network (the `send` events of messages.jsonl), in order. */
  readonly sent: readonly SentMessage[];
}

/** A fixture's file name, or an absolute path, as `--bin`. */
function binOf(node: string): string {
  return isAbsolute(node) ? node : join(FIXTURES, node);
}

/** Runs `glomers-bench test --bin <node> …args` in-process, in a fresh folder, and reads back its store. */
export async function runBench(node: string, args: readonly string[]): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'glomers-bench-'));
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), errIsTty: false, cwd };
  const code = await main(['test', '--bin', binOf(node), ...args], io);
  const dir = existsSync(join(cwd, 'store', 'latest')) ? join(cwd, 'store', 'latest') : undefined;
  const read = (file: string) =>
    dir && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
  const results = read('results.json');
  const bench = read('bench.json');
  const historyText = read('history.jsonl') ?? '';
  const messages = read('messages.jsonl') ?? '';
  return {
    code,
    output: lines.join('\n'),
    results: results ? JSON.parse(results) : undefined,
    dir,
    messages,
    historyText,
    history: jsonLines(historyText) as Op[],
    bench: bench ? JSON.parse(bench) : undefined,
    sent: jsonLines(
      messages
        .split('\n')
        .filter((line) => line.startsWith('{"type":"send"'))
        .join('\n'),
    ).map((event) => (event as { message: SentMessage }).message),
  };
}

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * The real Maelstrom for a differential spec, or undefined after saying which tests it skips. It is looked for
 * where the challenge command looks (src/cli/engine.ts): MAELSTROM_BIN, PATH, ~/.cache/maelstrom.
 */
export function maelstromOrSkip(what: string): string | undefined {
  const bin = findMaelstrom();
  if (!bin)
    console.warn(`Real Maelstrom not found (MAELSTROM_BIN, PATH, ~/.cache/maelstrom): ${what} skipped.`);
  return bin;
}

/**
 * Runs the real Maelstrom's `test --bin <node> …args` in a scratch folder (removed afterwards) and reads its
 * results.edn. `--seed` is the bench's own option: it is left out.
 */
export async function runMaelstrom(maelstrom: string, node: string, args: readonly string[]): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'maelstrom-run-'));
  const withoutSeed = args.filter((a, i) => a !== '--seed' && args[i - 1] !== '--seed');
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((done, fail) => {
      const child = spawn(maelstrom, ['test', '--bin', binOf(node), ...withoutSeed], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', fail);
      child.on('close', (exit) => done({ code: exit ?? 255, output }));
    });
    const file = join(cwd, 'store', 'latest', 'results.edn');
    const results = existsSync(file)
      ? (readEdn(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : undefined;
    return {
      code,
      output,
      results,
      dir: undefined,
      messages: '',
      historyText: '',
      history: [],
      bench: undefined,
      sent: [],
    };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** One node and its `test` arguments (without `--bin`), as a spec runs it. */
export interface Invocation {
  readonly node: string;
  readonly args: readonly string[];
}

/** A named case of a spec's table. */
export interface NamedCase {
  readonly name: string;
}

/** Every case on the bench at once, each with `seed`, by case name. */
export async function runCases<C extends NamedCase>(
  cases: readonly C[],
  invocation: (c: C) => Invocation,
  seed: string,
): Promise<Map<string, Run>> {
  const runs = await Promise.all(
    cases.map((c) => {
      const { node, args } = invocation(c);
      return runBench(node, [...args, '--seed', seed]);
    }),
  );
  return new Map(cases.map((c, i) => [c.name, runs[i]]));
}

/** A case's run on each engine. */
export interface BothRuns {
  readonly bench: Run;
  readonly maelstrom: Run;
}

/**
 * Every case on the bench (all at once, with `seed`) alongside the real Maelstrom (JVMs: two at a time on a small
 * machine), by case name; `retry` runs a case once more on Maelstrom when its first run's outcome says so.
 */
export async function runOnBoth<C extends NamedCase>(
  maelstrom: string,
  cases: readonly C[],
  invocation: (c: C) => Invocation,
  seed: string,
  retry: (run: Run) => boolean = () => false,
): Promise<Map<string, BothRuns>> {
  const onMaelstrom = async (c: C): Promise<Run> => {
    const { node, args } = invocation(c);
    const first = await runMaelstrom(maelstrom, node, args);
    if (!retry(first)) return first;
    console.warn(`Maelstrom exited ${first.code}; retrying once. Output tail:\n${first.output.slice(-2000)}`);
    return runMaelstrom(maelstrom, node, args);
  };
  const [ours, theirs] = await Promise.all([
    runCases(cases, invocation, seed),
    inPool(
      2,
      cases.map((c) => () => onMaelstrom(c)),
    ),
  ]);
  return new Map(cases.map((c, i) => [c.name, { bench: ours.get(c.name) as Run, maelstrom: theirs[i] }]));
}

/** Runs tasks at most `limit` at a time. */
async function inPool<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The top-level checks whose `valid?` is not true (Maelstrom's failing checks), sorted. */
export function failingChecks(results: Record<string, unknown> | undefined): string[] {
  return Object.entries(results ?? {})
    .filter(([key, value]) => key !== 'valid?' && isRecord(value) && value['valid?'] !== true)
    .map(([key]) => key)
    .sort();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in a run's results, or undefined. */
export function field(results: Record<string, unknown> | undefined, ...path: string[]): unknown {
  let at: unknown = results;
  for (const key of path) at = isRecord(at) ? at[key] : undefined;
  return at;
}

/** The client invocations of a history as [f, value], the part a seed must fix. */
export function invocations(history: readonly Op[]): Array<[string, unknown]> {
  return history.filter((op) => op.type === 'invoke').map((op) => [op.f, op.value]);
}
