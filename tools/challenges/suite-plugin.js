// A local Nx plugin for the `maelstrom` targets (configured in nx.json). Nx runs its hooks around every task run:
// - before the tasks of a run that includes `maelstrom`: tags the run (GLOMERS_SUITE, read by `glomers-bench
//   challenge` into each summary row) and, unless an output style was asked for, streams task output unprefixed,
//   so each challenge's progress line shows while it runs;
// - after them: prints the suite's summary table (`glomers-bench summary --suite <id>`). Nx prints its own run
//   summary before this hook runs, so the table is the last thing on the screen, whether rows passed or failed.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const BENCH = path.join(__dirname, '..', 'bench', 'bin', 'glomers-bench.js');

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
    const missing = Object.entries(context.taskResults)
      .filter(([id, result]) => id.endsWith(':maelstrom') && result.status !== 'success')
      .map(([id, result]) => `${id.slice(0, -':maelstrom'.length)}=${result.status}`);
    spawnSync(process.execPath, [BENCH, 'summary', '--suite', context.id, '--missing', missing.join(',')], {
      cwd: context.workspaceRoot,
      stdio: 'inherit',
    });
  },
};
