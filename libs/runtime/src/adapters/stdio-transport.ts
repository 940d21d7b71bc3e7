import { inject, injectable } from 'inversify';
import { LineSplitter, MAX_LINE_BYTES } from '../lib/line-splitter';
import { PORTS, type Logger, type Transport } from '../lib/ports';

/**
 * Lines from stdin, lines to stdout. An input line longer than `MAX_LINE_BYTES` is dropped with a log line.
 * Ends the process with code 0 when stdin closes.
 */
@injectable()
export class StdioTransport implements Transport {
  constructor(@inject(PORTS.Logger) private readonly logger: Logger) {}

  start(onLine: (line: string) => void, onClose: () => void): void {
    const lines = new LineSplitter(onLine, (bytes) =>
      this.logger.warn(`dropped an input line of ${bytes} bytes: the limit is ${MAX_LINE_BYTES}`),
    );
    process.stdin.on('data', (chunk: Buffer) => lines.push(chunk));
    process.stdin.on('end', () => {
      lines.end();
      onClose();
      process.stdout.write('', () => process.exit(0));
    });
  }

  write(line: string): void {
    process.stdout.write(line + '\n');
  }
}
