import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Body } from '@glomers/protocol';
import { isPlainObject } from '@glomers/protocol';
import type { Envelope, Network } from './network';

/** A stdout line Maelstrom would reject; after it Maelstrom stops reading that node's stdout (it goes mute). */
export interface InvalidOutput {
  readonly node: string;
  readonly line: string;
  readonly reason: string;
  /** Nanoseconds since the start of the run. */
  readonly time: number;
}

export interface NodeExit {
  readonly node: string;
  readonly code: number | null;
  readonly signal: string | null;
}

export interface NodeProcessOptions {
  readonly id: string;
  readonly bin: string;
  readonly args: readonly string[];
  readonly network: Network;
  readonly logFile: string;
  /** Echo each stderr line here (--log-stderr). */
  readonly echoStderr: ((node: string, line: string) => void) | undefined;
  readonly onInvalidOutput: (problem: InvalidOutput) => void;
  /** Called when the process exits before `kill` (a crash, in Maelstrom's terms). */
  readonly onEarlyExit: (exit: NodeExit) => void;
  /** Nanoseconds since the start of the run, for reports. */
  readonly now: () => number;
}

/** What the runner needs from a running node, however it runs (a child process here; in-process later). */
export interface NodeHandle {
  readonly id: string;
  /** Last stdout/stderr lines, for crash reports. */
  readonly recentStdout: readonly string[];
  readonly recentStderr: readonly string[];
  /** Stops the node (teardown) and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts one node, registered on the network under `options.id`. */
export type NodeLauncher = (options: NodeProcessOptions) => NodeHandle;

export const launchProcess: NodeLauncher = (options) => new NodeProcess(options);

/**
 * One node as a child process (§1.1): network → stdin as `{"id","src","dest","body"}` lines; stdout lines are
 * validated as Maelstrom's parse-msg and net/send! do and sent into the network; stderr goes to the node's log.
 */
export class NodeProcess implements NodeHandle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly log: WriteStream;
  private muted = false;
  private killed = false;
  private exited = false;
  private readonly exitPromise: Promise<void>;
  /** Last stdout/stderr lines, for crash reports (Maelstrom keeps 32). */
  readonly recentStdout: string[] = [];
  readonly recentStderr: string[] = [];

  constructor(private readonly options: NodeProcessOptions) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    this.log = createWriteStream(options.logFile);
    this.child = spawn(resolve(options.bin), [...options.args], {
      cwd: tmpdir(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exitPromise = new Promise((done) => {
      this.child.on('error', (error) => {
        remember(this.recentStderr, `failed to start ${options.bin}: ${error.message}`);
      });
      this.child.on('close', (code, signal) => {
        this.exited = true;
        if (!this.killed) options.onEarlyExit({ node: options.id, code, signal });
        done();
      });
    });
    this.child.stdin.on('error', () => undefined);
    options.network.register(options.id, (message) => this.write(message));
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) =>
      this.onStdout(line),
    );
    createInterface({ input: this.child.stderr, crlfDelay: Infinity }).on('line', (line) =>
      this.onStderr(line),
    );
  }

  get id(): string {
    return this.options.id;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  /** Force-kills the process (teardown) and waits for it and its log. */
  async kill(): Promise<void> {
    this.killed = true;
    this.options.network.unregister(this.options.id);
    if (!this.exited) this.child.kill('SIGKILL');
    await this.exitPromise;
    await new Promise<void>((done) => this.log.end(done));
  }

  private write(message: Envelope): void {
    if (this.exited || !this.child.stdin.writable) return;
    const { id, src, dest, body } = message;
    this.child.stdin.write(JSON.stringify({ id, src, dest, body }) + '\n');
  }

  private onStdout(line: string): void {
    remember(this.recentStdout, line);
    if (this.muted || this.killed) return;
    const problem = this.send(line);
    if (problem !== undefined) {
      this.muted = true;
      this.options.onInvalidOutput({
        node: this.options.id,
        line,
        reason: problem,
        time: this.options.now(),
      });
    }
  }

  /** Validates one stdout line and sends it; returns why it was rejected, if it was. */
  private send(line: string): string | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return 'not well-formed JSON';
    }
    if (!isPlainObject(parsed)) return 'not a JSON object';
    for (const key of Object.keys(parsed)) {
      if (key !== 'src' && key !== 'dest' && key !== 'body' && key !== 'id')
        return `unexpected envelope key '${key}'`;
    }
    const { src, dest, body, id } = parsed;
    if (typeof src !== 'string') return "envelope field 'src' must be a string";
    if (typeof dest !== 'string') return "envelope field 'dest' must be a string";
    if (body === undefined) return "missing envelope field 'body'";
    if (id !== undefined && !Number.isSafeInteger(id)) return "envelope field 'id' must be an integer";
    if (!isPlainObject(body)) return "envelope field 'body' must be a JSON object";
    try {
      this.options.network.send(src, dest, body as Body);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  }

  private onStderr(line: string): void {
    remember(this.recentStderr, line);
    this.log.write(line + '\n');
    this.options.echoStderr?.(this.options.id, line);
  }
}

function remember(buffer: string[], line: string): void {
  buffer.push(line);
  if (buffer.length > 32) buffer.shift();
}
