import { renderStep, type Step } from '../../elle/render';
import type { CycleGraph } from '../model';
import { isOp, short } from './format';

/** An anomaly case that is a dependency cycle, as Elle reports it: the ops (first one repeated last) and the steps. */
export interface CycleCase {
  readonly cycle: readonly unknown[];
  readonly steps: readonly unknown[];
  readonly type?: string;
}

export function isCycleCase(value: unknown): value is CycleCase {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v['cycle']) && Array.isArray(v['steps']);
}

/** A cycle as a small graph: one node per transaction (T1, T2, …), one named edge per step, Elle's words as labels. */
export function cycleGraph(c: CycleCase, title: string): CycleGraph {
  const ops = c.cycle.slice(0, -1);
  const names = ops.map((_, i) => `T${i + 1}`);
  return {
    title,
    nodes: ops.map((op, i) => ({ id: names[i], label: `${names[i]} = ${describeTxn(op)}` })),
    edges: c.steps.map((step, i) => {
      const a = names[i % names.length];
      const b = names[(i + 1) % names.length];
      const kind =
        typeof step === 'object' && step !== null ? String((step as { type?: unknown }).type) : '?';
      return {
        from: a,
        to: b,
        kind,
        tag: tagOf(kind, step),
        label: `${a} < ${b}, because ${because(step, a, b)}`,
      };
    }),
  };
}

function describeTxn(op: unknown): string {
  if (!isOp(op)) return short(op, 60);
  return `process ${op.process}: ${op.type} ${op.f} ${short(op.value, 70)}`;
}

/** Elle's sentence for a step; a step of another shape is shown as it is. */
function because(step: unknown, a: string, b: string): string {
  try {
    const text: string | undefined = renderStep(step as Step, a, b);
    if (text) return text;
  } catch {
    // Not one of Elle's step shapes (e.g. a realtime step without its invocation): shown raw below.
  }
  return short(step, 160);
}

/** The edge's short name: its kind, and the key and values it is about. */
function tagOf(kind: string, step: unknown): string {
  const s = (step ?? {}) as Record<string, unknown>;
  const v = (x: unknown) => (typeof x === 'string' ? x : short(x, 12));
  if (kind === 'wr' && 'key' in s) return `wr ${v(s['key'])}=${v(s['value'])}`;
  if ((kind === 'ww' || kind === 'rw') && 'key' in s)
    return `${kind} ${v(s['key'])}: ${v(s['value'])}→${v(s["value'"])}`;
  if (kind === 'process' && 'process' in s) return `process ${v(s['process'])}`;
  return kind;
}
