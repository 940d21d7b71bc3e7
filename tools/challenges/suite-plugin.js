// A local Nx plugin for the `maelstrom` targets (configured in nx.json). Nx runs its hooks around every task run:
// - before the tasks of a run that includes `maelstrom`: tags the run (GLOMERS_SUITE, read by `glomers-bench
//   challenge` into each summary row) and, unless an output style was asked for, streams task output unprefixed,
//   so each challenge's progress line shows while it runs;
// - after them: prints the suite's summary table (`glomers-bench summary --suite <id>`). Nx prints its own run
//   summary before this hook runs, so the table is the last thing on the screen, whether rows passed or failed.
//   A task Nx answered from its cache ran no command in this run: its rows are the ones the cache restored
//   (`--cached`, the target's output store/summary/last/<app>.jsonl), marked "(cached)" in the table.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const BENCH = path.join(__dirname, '..', 'bench', 'bin', 'glomers-bench.js');

/** Nx's task statuses for a task answered from a cache instead of run. */
const CACHE_HITS = ['local-cache', 'local-cache-kept-existing', 'remote-cache'];

/** True when the command line runs the `maelstrom` target (`-t maelstrom`, `--targets=lint,maelstrom`, `app:maelstrom`). */
function runsMaelstrom(argv) {
  return argv.slice(2).some((arg) => /(^|[:=,])maelstrom($|[:,])/.test(arg));
}

function asksForOutputStyle(argv) {
  return argv.some((arg) => arg.startsWith('--outputStyle') || arg.startsWith('--output-style'));
}

module.exports = {
  name: 'glomers-suite',
  preTasksExecution: (_options, context) => {
    if (!runsMaelstrom(context.argv)) return;
    process.env.GLOMERS_SUITE = context.id;
    if (!asksForOutputStyle(context.argv) && !process.env.NX_DEFAULT_OUTPUT_STYLE) {
      process.env.NX_TASKS_RUNNER_DYNAMIC_OUTPUT = 'false';
      process.env.NX_STREAM_OUTPUT = 'true';
      process.env.NX_PREFIX_OUTPUT = 'false';
    }
  },
  postTasksExecution: (_options, context) => {
    if (!runsMaelstrom(context.argv)) return;
    const results = Object.entries(context.taskResults)
      .filter(([id]) => id.endsWith(':maelstrom'))
      .map(([id, result]) => ({ app: id.slice(0, -':maelstrom'.length), status: result.status }));
    const cached = results.filter((r) => CACHE_HITS.includes(r.status)).map((r) => r.app);
    const missing = results
      .filter((r) => r.status !== 'success' && !CACHE_HITS.includes(r.status))
      .map((r) => `${r.app}=${r.status}`);
    spawnSync(
      process.execPath,
      [BENCH, 'summary', '--suite', context.id, '--cached', cached.join(','), '--missing', missing.join(',')],
      { cwd: context.workspaceRoot, stdio: 'inherit' },
    );
  },
};
