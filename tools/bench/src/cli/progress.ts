import type { Progress } from '../core/run-config';

/** Without a terminal, one progress line this often (and at each change of phase). */
export const PLAIN_PROGRESS_EVERY_MS = 5000;

export interface ProgressSink {
  readonly update: (progress: Progress) => void;
  /** Ends a redrawn line (terminal) so the next output starts on its own line. */
  readonly finish: () => void;
}

/**
 * A run's progress: on a terminal one line redrawn in place; otherwise a plain line every few seconds, so logs (CI,
 * Nx) show the run advancing without filling up.
 */
export function progressSink(
  write: (text: string) => void,
  isTty: boolean,
  expectedOps: number,
  now: () => number = Date.now,
): ProgressSink {
  let lastAt = -Infinity;
  let lastPhase: Progress['phase'] | undefined;
  let drawn = false;
  return {
    update: (p) => {
      if (isTty) {
        write(`\r${progressLine(p, expectedOps)}\u001b[K`);
        drawn = true;
      } else if (now() - lastAt >= PLAIN_PROGRESS_EVERY_MS || p.phase !== lastPhase) {
        write(progressLine(p, expectedOps));
        lastAt = now();
      }
      lastPhase = p.phase;
    },
    finish: () => {
      if (drawn) write('');
    },
  };
}

/** "[glomers-bench] 12.3/20 s  ops 1234 of ~2000  ok 1200  fail 0  info 34  partition: majority". */
export function progressLine(p: Progress, expectedOps: number): string {
  const done = p.ok + p.fail + p.info;
  const phase =
    p.phase === 'main'
      ? `${p.elapsedS.toFixed(1)}/${p.timeLimitS} s  ops ${done} of ~${expectedOps}`
      : `${p.elapsedS.toFixed(1)} s  ${p.phase === 'recovery' ? 'waiting for recovery' : 'final reads'}  ops ${done}`;
  const partition = p.partition ? `  partition: ${p.partition}` : '';
  return `[glomers-bench] ${phase}  ok ${p.ok}  fail ${p.fail}  info ${p.info}${partition}`;
}
