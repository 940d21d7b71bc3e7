import { createWriteStream, mkdirSync, rmSync, symlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Jepsen's store folder name: yyyyMMddTHHmmss.SSSZ (UTC). */
export function storeTimestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}T` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}.${p(date.getUTCMilliseconds(), 3)}Z`
  );
}

/** Creates store/<workload>/<timestamp>/ and points store/latest, store/current and store/<workload>/latest at it. */
export function createRunDir(storeRoot: string, workload: string, date: Date): string {
  const root = resolve(storeRoot);
  mkdirSync(join(root, workload), { recursive: true });
  let dir = join(root, workload, storeTimestamp(date));
  // Parallel runs may start in the same millisecond: never share a folder.
  for (let n = 1; !tryMkdir(dir); n++) dir = join(root, workload, `${storeTimestamp(date)}-${n}`);
  for (const link of [join(root, 'latest'), join(root, 'current'), join(root, workload, 'latest')]) {
    try {
      rmSync(link, { force: true });
      symlinkSync(relative(join(link, '..'), dir), link);
    } catch {
      // Another run replaced the link at the same moment; either target is a latest run.
    }
  }
  return dir;
}

function tryMkdir(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Appends JSON values as lines, buffered. */
export class JsonLines {
  private readonly stream: WriteStream;
  private buffer: string[] = [];

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  write(value: unknown): void {
    this.writeLine(JSON.stringify(value));
  }

  /** Appends a line that is already JSON. */
  writeLine(json: string): void {
    this.buffer.push(json);
    if (this.buffer.length >= 512) this.flush();
  }

  async close(): Promise<void> {
    this.flush();
    await new Promise<void>((done) => this.stream.end(done));
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.stream.write(this.buffer.join('\n') + '\n');
    this.buffer = [];
  }
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
