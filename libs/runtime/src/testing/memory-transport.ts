import type { Transport } from '../lib/ports';

/** A transport for tests: feed lines in with `deliver`, read what the node wrote from `written`. */
export class MemoryTransport implements Transport {
  readonly written: string[] = [];
  private onLine?: (line: string) => void;
  private onClose?: () => void;
  private readonly outputListeners: Array<(line: string) => void> = [];

  start(onLine: (line: string) => void, onClose: () => void): void {
    this.onLine = onLine;
    this.onClose = onClose;
  }

  write(line: string): void {
    this.written.push(line);
    for (const listener of this.outputListeners) listener(line);
  }

  deliver(line: string | object): void {
    if (!this.onLine) throw new Error('transport not started');
    this.onLine(typeof line === 'string' ? line : JSON.stringify(line));
  }

  close(): void {
    this.onClose?.();
  }

  onOutput(listener: (line: string) => void): void {
    this.outputListeners.push(listener);
  }

  /** Everything written so far, parsed, and forgets it. */
  take<T = { src: string; dest: string; body: Record<string, unknown> }>(): T[] {
    return this.written.splice(0).map((line) => JSON.parse(line) as T);
  }
}
