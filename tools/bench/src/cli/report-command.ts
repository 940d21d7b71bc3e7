import { existsSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bytes } from '../report/html';
import { isRunFolder } from '../report/run-folder';
import { writeReport } from '../report/write-report';
import { EXIT_BAD_ARGS, type CommandIo } from './test-command';

const USAGE =
  'Usage: glomers-bench report <run-folder> …\n' +
  '  Writes <run-folder>/report.html for a bench, sim or Maelstrom store folder (e.g. store/broadcast/latest).';

/** `glomers-bench report <run-folder> …`: (re)builds each folder's report.html. */
export async function reportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.err(USAGE);
    return argv.length === 0 ? EXIT_BAD_ARGS : 0;
  }
  let failed = false;
  for (const arg of argv) {
    const dir = runFolderOf(resolve(io.cwd, arg));
    if (!dir) {
      io.err(`${arg}: not a run folder (no results, history or jepsen.log in it, nor in its latest/)`);
      failed = true;
      continue;
    }
    const report = await writeReport(dir);
    io.out(`${relative(io.cwd, report.path) || report.path} (${bytes(report.bytes)}): ${report.model.title}`);
  }
  return failed ? EXIT_BAD_ARGS : 0;
}

/** The folder itself, or the run its `latest` link points at (store/, store/<workload>/). */
function runFolderOf(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (isRunFolder(path)) return realpathSync(path);
  const latest = join(path, 'latest');
  return existsSync(latest) && isRunFolder(latest) ? realpathSync(latest) : undefined;
}
