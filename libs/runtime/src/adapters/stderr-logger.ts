import { injectable } from 'inversify';
import type { Logger } from '../lib/ports';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Writes to stderr, which Maelstrom keeps as the node's log. `GLOMERS_LOG=debug|info|warn|error` sets the floor. */
@injectable()
export class StderrLogger implements Logger {
  private readonly floor = Math.max(0, LEVELS.indexOf((process.env['GLOMERS_LOG'] ?? 'info') as Level));

  debug(message: string): void {
    this.log(0, message);
  }
  info(message: string): void {
    this.log(1, message);
  }
  warn(message: string): void {
    this.log(2, message);
  }
  error(message: string): void {
    this.log(3, message);
  }

  private log(level: number, message: string): void {
    if (level >= this.floor) process.stderr.write(`${LEVELS[level].toUpperCase()} ${message}\n`);
  }
}
