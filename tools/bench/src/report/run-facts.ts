import { basename } from 'node:path';
import { shellQuote } from '../lib/shell-quote';
import type { NodeOf } from './explain/format';
import type { RunFacts } from './model';
import type { RunFolder } from './run-folder';

/** The options a report needs from a run: its workload, and which node each worker process used. */
interface RunOptions {
  readonly workload: string | undefined;
  readonly nodeIds: readonly string[];
  readonly concurrency: number | undefined;
}

/** Command line, engine, seed, times and files of a run, from bench.json and jepsen.log (either engine's). */
export function runFacts(run: RunFolder): RunFacts {
  const options = runOptions(run);
  const num = (key: string) => (typeof run.bench[key] === 'number' ? (run.bench[key] as number) : undefined);
  const stamps = [...run.jepsenLog.matchAll(/^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)[.,](\d{3})/gm)].map((m) =>
    Date.parse(`${m[1]}T${m[2]}.${m[3]}Z`),
  );
  const logSpanS = stamps.length > 1 ? (stamps[stamps.length - 1] - stamps[0]) / 1000 : undefined;
  const crash = run.bench['crash'];
  return {
    engine: run.engine,
    workload: options.workload,
    commandLine: commandLine(run),
    seed: num('seed'),
    wallTimeS: num('wall-time-s') ?? logSpanS,
    virtualTimeS: num('virtual-time-s'),
    started: stamps.length > 0 ? new Date(stamps[0]).toISOString() : startedFromFolder(basename(run.dir)),
    folder: basename(run.dir),
    crash: typeof crash === 'string' ? crash : undefined,
    nodeLogs: run.nodeLogs,
    files: run.files,
  };
}

/**
 * Jepsen binds worker thread t to node t mod N, and process p runs on thread p mod concurrency (a process that
 * ended `info` comes back as p + concurrency).
 */
export function nodeOfProcess(run: RunFolder): NodeOf {
  const { nodeIds, concurrency } = runOptions(run);
  return (process) =>
    typeof process === 'number' && concurrency && nodeIds.length > 0
      ? nodeIds[(process % concurrency) % nodeIds.length]
      : undefined;
}

function runOptions(run: RunFolder): RunOptions {
  // The bench logs its options as JSON: "Test options: {...}".
  const json = /Test options: (\{.*\})$/m.exec(run.jepsenLog);
  if (json) {
    const o = JSON.parse(json[1]) as { workload?: string; nodeIds?: string[]; concurrency?: number };
    return { workload: o.workload, nodeIds: o.nodeIds ?? [], concurrency: o.concurrency };
  }
  // Maelstrom logs the test map as EDN: ":workload :echo", ":nodes ["n0" "n1"]", ":concurrency 2".
  const workload = /^ :workload :([\w-]+)/m.exec(run.jepsenLog)?.[1];
  const nodes = /^ :nodes \[([^\]]*)\]/m.exec(run.jepsenLog)?.[1];
  const concurrency = /^ :concurrency (\d+)/m.exec(run.jepsenLog)?.[1];
  return {
    workload,
    nodeIds: nodes ? [...nodes.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [],
    concurrency: concurrency ? Number(concurrency) : undefined,
  };
}

function commandLine(run: RunFolder): string | undefined {
  const argv = run.bench['command-line'];
  if (Array.isArray(argv))
    return ['glomers-bench', 'test', ...argv.map((a) => shellQuote(String(a)))].join(' ');
  // Maelstrom: "jepsen.core: Command line:\nlein run test -w echo …"
  const maelstrom = /Command line:\n(?:lein run )?(.+)$/m.exec(run.jepsenLog)?.[1];
  return maelstrom ? `maelstrom ${maelstrom}` : undefined;
}

/** A store folder is named for its start (yyyyMMddTHHmmss.SSSZ); a log without timestamps (sim) leaves only that. */
function startedFromFolder(name: string): string | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)\.(\d{3})Z/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : undefined;
}
