import { injectable } from 'inversify';
import type { Transport } from '../lib/ports';

/** Lines from stdin, lines to stdout. Ends the process with code 0 when stdin closes. */
@injectable()
export class StdioTransport implements Transport {
  start(onLine: (line: string) => void, onClose: () => void): void {
    let buffered = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        onLine(line);
        newline = buffered.indexOf('\n');
      }
    });
    process.stdin.on('end', () => {
      if (buffered.length > 0) onLine(buffered);
      onClose();
      process.stdout.write('', () => process.exit(0));
    });
  }

  write(line: string): void {
    process.stdout.write(line + '\n');
  }
}
