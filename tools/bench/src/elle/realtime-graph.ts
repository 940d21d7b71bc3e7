/**
 * Elle's realtime graph (elle/core.clj `realtime-graph`): a → b when a completed ok before b was invoked, as a
 * transitive reduction. The txn and kafka checkers both add it to their dependency graphs.
 */
import type { RelGraph } from './graph';
import { REALTIME } from './rels';

/**
 * One client event in history order: an invocation carries the vertex of its completion (undefined when it never
 * completed), a completion its own vertex.
 */
export interface RealtimeEvent {
  readonly op: { readonly type: string };
  readonly completion: number | undefined;
}

export function addRealtimeEdges(g: RelGraph, events: Iterable<RealtimeEvent>): void {
  const oks = new Set<number>();
  const linkedAtInvoke = new Map<number, number[]>();
  for (const { op, completion } of events) {
    if (op.type === 'invoke') {
      if (completion !== undefined && oks.size > 0) {
        for (const a of oks) g.link(a, completion, REALTIME);
        linkedAtInvoke.set(completion, [...oks]);
      }
    } else if (op.type === 'ok' && completion !== undefined) {
      const implied = linkedAtInvoke.get(completion);
      if (implied) {
        linkedAtInvoke.delete(completion);
        for (const a of implied) oks.delete(a);
      }
      oks.add(completion);
    }
  }
}
