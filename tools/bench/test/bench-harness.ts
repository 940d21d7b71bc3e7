import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Op } from '../src/lib/history';
import { main } from '../src/main';

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

export interface BenchRun {
  readonly code: number;
  readonly output: string;
  readonly dir: string | undefined;
  /** messages.jsonl and history.jsonl as written. */
  readonly messages: string;
  readonly historyText: string;
  readonly results: Record<string, unknown> | undefined;
  readonly history: Op[];
  readonly bench: Record<string, unknown> | undefined;
}

/**
 * Runs `glomers-bench test …` in-process against a node (a fixture's file name, or an absolute path), in a fresh
 * folder, and reads back its store.
 */
export async function runBench(node: string, args: readonly string[]): Promise<BenchRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'glomers-bench-'));
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), errIsTty: false, cwd };
  const bin = isAbsolute(node) ? node : join(FIXTURES, node);
  const code = await main(['test', '--bin', bin, ...args], io);
  const dir = existsSync(join(cwd, 'store', 'latest')) ? join(cwd, 'store', 'latest') : undefined;
  const read = (file: string) =>
    dir && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
  const results = read('results.json');
  const bench = read('bench.json');
  const history = (read('history.jsonl') ?? '')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Op);
  return {
    code,
    output: lines.join('\n'),
    dir,
    messages: read('messages.jsonl') ?? '',
    historyText: read('history.jsonl') ?? '',
    results: results ? JSON.parse(results) : undefined,
    history,
    bench: bench ? JSON.parse(bench) : undefined,
  };
}

/** The top-level checks whose `valid?` is not true. */
export function failing(results: Record<string, unknown> | undefined): string[] {
  return Object.entries(results ?? {})
    .filter(([k, v]) => k !== 'valid?' && (v as { 'valid?'?: unknown })['valid?'] !== true)
    .map(([k]) => k)
    .sort();
}

/** The client invocations of a history as [f, value], the part a seed must fix. */
export function invocations(history: readonly Op[]): Array<[string, unknown]> {
  return history.filter((op) => op.type === 'invoke').map((op) => [op.f, op.value]);
}
