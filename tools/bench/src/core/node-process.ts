import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { envelopeJson, sendNodeOutput, type Envelope } from '@glomers/sim';
import { NodeLog } from './node-log';
import { rememberLine, type NodeHandle, type NodeLaunchOptions, type NodeLauncher } from './node-handle';

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

  private onStderr(line: string): void {
    rememberLine(this.recentStderr, line);
    this.log.write(line);
    this.options.echoStderr?.(this.options.id, line);
  }
}
