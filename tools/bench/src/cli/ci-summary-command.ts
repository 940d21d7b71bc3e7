import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CiMatrix } from '../ci/matrix';
import { ciSummaryMarkdown, gatherCiResults } from '../ci/summary';
import { EXIT_BAD_ARGS, type CommandIo } from './test-command';

const USAGE =
  'Usage: glomers-bench ci-summary <dir> [--matrix FILE]\n' +
  '  Prints one Markdown table of the challenge rows and sweeps found under <dir> (CI artifacts, or a store/),\n' +
  '  then every failure again. --matrix (the JSON of `glomers-bench matrix`) also reports what it asked for and\n' +
  '  did not get. Exit 1 when anything failed or is missing.';

/** `glomers-bench ci-summary`: the GitHub job summary, also written by .ci/run from its own store. */
export async function ciSummaryCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const words: string[] = [];
  let matrixFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--matrix') matrixFile = argv[++i] ?? '';
    else if (argv[i].startsWith('-')) {
      io.err(`Unknown option: ${argv[i]}\n${USAGE}`);
      return EXIT_BAD_ARGS;
    } else words.push(argv[i]);
  }
  if (words.length !== 1 || matrixFile === '') {
    io.err(USAGE);
    return EXIT_BAD_ARGS;
  }
  let matrix: CiMatrix | undefined;
  if (matrixFile !== undefined) {
    try {
      matrix = JSON.parse(readFileSync(resolve(io.cwd, matrixFile), 'utf8')) as CiMatrix;
    } catch (error) {
      io.err(`Cannot read the matrix ${matrixFile}: ${(error as Error).message}`);
      return EXIT_BAD_ARGS;
    }
  }
  const { lines, failed } = ciSummaryMarkdown(gatherCiResults(resolve(io.cwd, words[0]), matrix));
  for (const line of lines) io.out(line);
  return failed > 0 ? 1 : 0;
}
