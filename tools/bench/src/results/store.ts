import { closeSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
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

/**
 * Appends JSON values as lines, 512 lines to a write. Writes are synchronous: a write of a few hundred kilobytes
 * goes to the page cache in well under a millisecond, and a stream's queue kept every pending piece alive.
 */
export class JsonLines {
  private readonly fd: number;
  private buffer: string[] = [];

  /** `onChunk` sees the file's text as it is written, piece by piece, in order. */
  constructor(
    path: string,
    private readonly onChunk?: (text: string) => void,
  ) {
    this.fd = openSync(path, 'w');
  }

  write(value: unknown): void {
    this.writeLine(JSON.stringify(value));
  }

  /** Appends a line that is already JSON. */
  writeLine(json: string): void {
    this.buffer.push(json);
    if (this.buffer.length >= 512) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('\n') + '\n';
    writeSync(this.fd, text);
    this.onChunk?.(text);
    this.buffer = [];
  }
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
