/**
 * How many settles in a row may skip the host event loop. A trip through it costs a loop iteration (an epoll call,
 * the timer and I/O phases), about a quarter of a sim run's time when every settle took one; never taking one would
 * starve real I/O (the run's files, a progress line, Ctrl-C) for the whole run.
 */
const SETTLES_PER_LOOP_TRIP = 256;

let settlesSinceLoopTrip = 0;

/**
 * Resolves once every promise continuation queued so far, and every one those queue in turn, has run: the point
 * where simulated code has done all it can at the current virtual instant.
 *
 * Node runs the next-tick queue only once the microtask queue is empty, so a next tick resolves at exactly that
 * point, without leaving the current turn of the event loop. Every SETTLES_PER_LOOP_TRIP-th settle goes through
 * one host macrotask instead, which carries no time: the kernel's only touch of the host event loop, so the lint
 * rule that keeps timers out of simulated code is lifted for that line alone. Either way simulated code sees the
 * same order of events (a seed's files are byte for byte the same as with a macrotask every time).
 */
export function settle(): Promise<void> {
  if (++settlesSinceLoopTrip < SETTLES_PER_LOOP_TRIP)
    return new Promise((resolve) => process.nextTick(resolve));
  settlesSinceLoopTrip = 0;
  // eslint-disable-next-line no-restricted-globals -- a zero-time yield, not a timer (see above)
  return new Promise((resolve) => setImmediate(resolve));
}
