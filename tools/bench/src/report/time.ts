/** Nanoseconds (the history's and the journal's unit) to milliseconds, kept to the microsecond: plenty for a chart, and small on the page. */
export function nsToMs(ns: number): number {
  return Math.round(ns / 1000) / 1000;
}
