import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { abbreviate } from '@glomers/protocol';
import { LineSplitter } from '@glomers/runtime';
import { envelopeJson, sendNodeOutput, type Envelope } from '@glomers/sim';
import { NodeLog } from './node-log';
import {
  KEPT_LINE_CHARS,
  rememberLine,
  type NodeHandle,
  type NodeLaunchOptions,
  type NodeLauncher,
} from './node-handle';

/**
 * The longest stdout or stderr line the bench reads from a node, in bytes. Far beyond any reply a challenge needs;
 * well below the ~512 MB at which a JavaScript string, and so the bench, would fail. A longer stdout line is an
 * invalid output (the node goes mute, as after any line Maelstrom rejects); a longer stderr line is cut in the log.
 */
export const MAX_NODE_LINE_BYTES = 64 * 1024 * 1024;

export const launchProcess: NodeLauncher = (options) => new NodeProcess(options);

/**
 * One node as a child process (§1.1): network → stdin as `{"id","src","dest","body"}` lines; stdout lines are
 * validated as Maelstrom's parse-msg and net/send! do and sent into the network; stderr goes to the node's log.
 */
export class NodeProcess implements NodeHandle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly log: NodeLog;
  private muted = false;
  private killed = false;
  private exited = false;
  private readonly exitPromise: Promise<void>;
  /** Last stdout/stderr lines, for crash reports (Maelstrom keeps 32). */
  readonly recentStdout: string[] = [];
  readonly recentStderr: string[] = [];

  constructor(private readonly options: NodeLaunchOptions) {
    this.log = new NodeLog(options.logFile);
    this.child = spawn(resolve(options.bin), [...options.args], {
      cwd: tmpdir(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exitPromise = new Promise((done) => {
      this.child.on('error', (error) => {
        rememberLine(this.recentStderr, `failed to start ${options.bin}: ${error.message}`);
      });
      this.child.on('close', (code, signal) => {
        this.exited = true;
        if (!this.killed) options.onEarlyExit({ node: options.id, code, signal });
        done();
      });
    });
    this.child.stdin.on('error', () => undefined);
    options.network.register(options.id, (message) => this.write(message));
    readLines(
      this.child.stdout,
      (line) => this.onStdout(line),
      (bytes) => this.reject(`(${bytes} bytes)`, `a line longer than ${MAX_NODE_LINE_BYTES} bytes`),
    );
    readLines(
      this.child.stderr,
      (line) => this.onStderr(line),
      (bytes) => this.onStderr(`[glomers-bench: a stderr line of ${bytes} bytes was dropped]`),
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
    await this.log.close();
  }

  private write(message: Envelope): void {
    if (this.exited || !this.child.stdin.writable) return;
    this.child.stdin.write(envelopeJson(message) + '\n');
  }

  private onStdout(line: string): void {
    rememberLine(this.recentStdout, line);
    if (this.muted || this.killed) return;
    const problem = sendNodeOutput(this.options.network, line);
    if (problem !== undefined) this.reject(line, problem);
  }

  /** An invalid stdout line: reported, and the node's stdout is read no further. */
  private reject(line: string, reason: string): void {
    if (this.muted || this.killed) return;
    this.muted = true;
    this.options.onInvalidOutput({
      node: this.options.id,
      line: abbreviate(line, KEPT_LINE_CHARS),
      reason,
      time: this.options.now(),
    });
  }

  private onStderr(line: string): void {
    rememberLine(this.recentStderr, line);
    this.log.write(line);
    this.options.echoStderr?.(this.options.id, line);
  }
}

function readLines(
  stream: Readable,
  onLine: (line: string) => void,
  onOverlong: (bytes: number) => void,
): void {
  const lines = new LineSplitter(
    // As Java's readLine (and Node's readline): a line also ends at "\r" or "\r\n".
    (line) => {
      for (const part of (line.endsWith('\r') ? line.slice(0, -1) : line).split('\r')) onLine(part);
    },
    onOverlong,
    MAX_NODE_LINE_BYTES,
  );
  stream.on('data', (chunk: Buffer) => lines.push(chunk));
  stream.on('end', () => lines.end());
}
