/**
 * Why an append did not produce an offset. `definite`: the entry was never appended anywhere, so the caller may
 * report a definite failure (Maelstrom code 11); otherwise it may still be committed later (report code 13, or
 * nothing): answering "failed" for it could later contradict a poll.
 */
export class AppendError extends Error {
  constructor(
    readonly definite: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'AppendError';
  }

  static notLeader(detail: string): AppendError {
    return new AppendError(true, `not the leader: ${detail}`);
  }

  static indeterminate(detail: string): AppendError {
    return new AppendError(false, `outcome unknown: ${detail}`);
  }
}
