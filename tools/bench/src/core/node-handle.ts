import { abbreviate } from '@glomers/protocol';
import type { Network } from '@glomers/sim';

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

export interface NodeLaunchOptions {
  readonly id: string;
  /** The node binary and its arguments (the process engine runs them; the sim engine has loaded the app). */
  readonly bin: string;
  readonly args: readonly string[];
  readonly network: Network;
  /** Where the node's stderr goes; none: kept only in memory (the last lines, for crash reports). */
  readonly logFile: string | undefined;
  /** Echo each stderr line here (--log-stderr). */
  readonly echoStderr: ((node: string, line: string) => void) | undefined;
  readonly onInvalidOutput: (problem: InvalidOutput) => void;
  /** Called when the process exits before `kill` (a crash, in Maelstrom's terms). */
  readonly onEarlyExit: (exit: NodeExit) => void;
  /** Nanoseconds since the start of the run, for reports. */
  readonly now: () => number;
}

/** What the runner needs from a running node, however it runs: a child process, or in-process on virtual time. */
export interface NodeHandle {
  readonly id: string;
  /** Last stdout/stderr lines, for crash reports. */
  readonly recentStdout: readonly string[];
  readonly recentStderr: readonly string[];
  /** Stops the node (teardown) and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts one node, registered on the network under `options.id`. */
export type NodeLauncher = (options: NodeLaunchOptions) => NodeHandle;

/** Keeps the last 32 lines of a node's stdout or stderr, as Maelstrom does for crash reports. */
/** How much of a line crash reports and invalid-output reports keep. */
export const KEPT_LINE_CHARS = 2000;

export function rememberLine(buffer: string[], line: string): void {
  buffer.push(abbreviate(line, KEPT_LINE_CHARS));
  if (buffer.length > 32) buffer.shift();
}
