import { ChallengeFileError } from './challenges';
import { challengeCommand } from './cli/challenge-command';
import { ciSummaryCommand } from './cli/ci-summary-command';
import { matrixCommand } from './cli/matrix-command';
import { reportCommand } from './cli/report-command';
import { summaryCommand } from './cli/summary-command';
import { sweepCommand } from './cli/sweep-command';
import { testCommand, EXIT_BAD_ARGS, EXIT_CRASH, type CommandIo } from './cli/test-command';

const COMMANDS = 'test, challenge, sweep, summary, report, matrix, ci-summary';

/**
 * Entry point of `glomers-bench <command> …`; resolves to the process exit code. An app's challenges.json that
 * does not check is reported as such (with the file and the problem), not as an internal error.
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof ChallengeFileError)) throw error;
    io.err(error.message);
    return EXIT_BAD_ARGS;
  }
}

function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'test':
      return testCommand(rest, io);
    case 'challenge':
      return challengeCommand(rest, io);
    case 'sweep':
      return sweepCommand(rest, io);
    case 'summary':
      return summaryCommand(rest, io);
    case 'report':
      return reportCommand(rest, io);
    case 'matrix':
      return matrixCommand(rest, io);
    case 'ci-summary':
      return ciSummaryCommand(rest, io);
    default:
      io.err(`Usage: glomers-bench COMMAND [OPTIONS ...]\nCommands: ${COMMANDS}`);
      return Promise.resolve(EXIT_BAD_ARGS);
  }
}

export { EXIT_BAD_ARGS, EXIT_CRASH };
/** Run by the sweep's worker threads, which load this bundle and call it by name. */
export { sweepTask } from './sweep/sweep-task';
export type { CommandIo };
