/**
 * Resolves once every promise continuation queued so far, and every one those queue in turn, has run: the point
 * where simulated code has done all it can at the current virtual instant. One host macrotask, which carries no
 * time: the kernel's only touch of the host event loop, so the lint rule that keeps timers out of simulated code
 * is lifted for this line alone.
 */
export function settle(): Promise<void> {
  // eslint-disable-next-line no-restricted-globals -- a zero-time yield, not a timer (see above)
  return new Promise((resolve) => setImmediate(resolve));
}
