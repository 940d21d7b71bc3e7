import type { MessageTable } from './model';

/** Which messages the space-time diagram shows: a time window (ms) and the columns and types left visible. */
export interface WindowQuery {
  readonly startMs: number;
  readonly endMs: number;
  readonly endpoints: ReadonlySet<number>;
  readonly types: ReadonlySet<number>;
}

/**
 * Indices (in send order) of the messages whose arrow crosses the window: sent before its end and delivered after
 * its start; an undelivered message when it was sent inside the window. Both ends must be visible columns. Only
 * messages sent after `startMs - maxFlightMs` can qualify, so the scan starts there (binary search).
 */
export function messagesInWindow(table: MessageTable, query: WindowQuery): number[] {
  const from = lowerBound(table.sendMs, query.startMs - table.maxFlightMs);
  const shown: number[] = [];
  for (let i = from; i < table.sendMs.length && table.sendMs[i] <= query.endMs; i++) {
    const recv = table.recvMs[i];
    const crosses = recv !== null ? recv >= query.startMs : table.sendMs[i] >= query.startMs;
    if (
      crosses &&
      query.types.has(table.type[i]) &&
      query.endpoints.has(table.src[i]) &&
      query.endpoints.has(table.dest[i])
    )
      shown.push(i);
  }
  return shown;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
