import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** A node's stderr log file (node-logs/<id>.log), or nowhere when the run keeps no files. */
export class NodeLog {
  private readonly stream: WriteStream | undefined;

  constructor(file: string | undefined) {
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true });
    this.stream = createWriteStream(file);
  }

  write(line: string): void {
    this.stream?.write(line + '\n');
  }

  close(): Promise<void> {
    return new Promise((done) => (this.stream ? this.stream.end(done) : done()));
  }
}
