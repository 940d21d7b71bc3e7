import type { Clock } from '@glomers/sim';
/**
 * Elle's breadth-first cycle search (elle/bfs.clj and elle/BFSPath.java), step for step: a path carries the rels
 * it may take, the rels it still wants (up to four sets packed into one int), how many rw edges it still wants
 * and its rw mode (single, nonadjacent). Shells grow one hop at a time from each start vertex; the first valid
 * loop without a tail wins, and a loop with a tail is trimmed and searched again.
 */
import type { RelGraph } from './graph';
import { ANY_RW, RW, RWP } from './rels';

export interface CycleSpec {
  readonly rels: number;
  readonly requiredRels?: readonly number[];
  readonly nonadjacentRels?: number;
  readonly singleRels?: number;
  readonly multipleRels?: number;
  /** The explained cycle must have exactly this type. */
  readonly type?: string;
}

const enum RWMode {
  None,
  Single,
  NonadjacentFree,
  NonadjacentTaken,
}

interface Path {
  readonly legal: number;
  readonly want: number;
  readonly wantRW: number;
  readonly rwMode: RWMode;
  readonly vertex: number;
  readonly prev: Path | undefined;
  readonly length: number;
}

/** When a search must give up: Elle's cycle-search timeout, measured on whatever clock the checker was given. */
export interface Deadline {
  passed(): boolean;
}

/** Starts one search's time budget (Elle's is per SCC). */
export type SearchBudget = () => Deadline;

/** Budgets of `timeoutMs` on `clock`; without a clock, searches never time out. */
export function searchBudget(timeoutMs: number, clock?: Clock): SearchBudget {
  if (!clock) return () => ({ passed: () => false });
  return () => {
    const end = clock.now() + timeoutMs;
    return { passed: () => clock.now() > end };
  };
}

/** Thrown out of a search when its deadline passes (Elle's cycle-search timeout). */
export class SearchTimeout extends Error {
  constructor() {
    super('cycle search timed out');
    this.name = 'SearchTimeout';
  }
}

function packRelsSet(rels: readonly number[]): number {
  let packed = 0;
  rels.slice(0, 4).forEach((r, i) => (packed |= (r & 0xff) << (8 * i)));
  return packed;
}

function packedSetToMask(rels: number): number {
  for (let i = 0; i < 32; i += 8) rels = rels | (rels >>> i);
  return rels & 0xff;
}

function checkOffRelInPackedSet(rels: number, rel: number): number {
  for (let i = 0; i < 32; i += 8) {
    const mask = 0xff << i;
    if ((((rels & mask) >>> i) & rel) !== 0) return rels & ~mask;
  }
  return rels;
}

function initialPath(spec: CycleSpec): Omit<Path, 'vertex' | 'prev' | 'length'> {
  const wantRW = spec.singleRels !== undefined ? 1 : spec.multipleRels !== undefined ? 2 : 0;
  let rwMode: RWMode;
  if (spec.nonadjacentRels === undefined) {
    rwMode = spec.singleRels !== undefined && (spec.singleRels & ANY_RW) !== 0 ? RWMode.Single : RWMode.None;
  } else if (spec.nonadjacentRels === RW || spec.nonadjacentRels === (RW | RWP)) {
    rwMode = RWMode.NonadjacentFree;
  } else {
    throw new Error(`Unexpected nonadjacent rels: ${spec.nonadjacentRels}`);
  }
  return { legal: spec.rels, want: packRelsSet(spec.requiredRels ?? []), wantRW, rwMode };
}

function isLoop(path: Path): boolean {
  for (let p = path.prev; p !== undefined; p = p.prev) if (p.vertex === path.vertex) return true;
  return false;
}

function isValid(path: Path): boolean {
  return path.want === 0 && path.wantRW === 0 && path.rwMode !== RWMode.NonadjacentTaken;
}

function opsOf(path: Path): number[] {
  const ops: number[] = [];
  for (let p: Path | undefined = path; p !== undefined; p = p.prev) ops.push(p.vertex);
  return ops.reverse();
}

function firstVertex(path: Path): number {
  let p = path;
  while (p.prev !== undefined) p = p.prev;
  return p.vertex;
}

function extend(path: Path, vertex: number, want: number, wantRW: number, rwMode: RWMode): Path {
  return { legal: path.legal, want, wantRW, rwMode, vertex, prev: path, length: path.length + 1 };
}

function stepRel(path: Path, rel: number, vertex: number): Path | undefined {
  const isRw = (rel & ANY_RW) !== 0;
  if ((rel & path.legal) !== 0) {
    const wantRW = isRw && path.wantRW !== 0 ? path.wantRW - 1 : path.wantRW;
    const rwMode = path.rwMode === RWMode.NonadjacentTaken ? RWMode.NonadjacentFree : path.rwMode;
    return extend(path, vertex, checkOffRelInPackedSet(path.want, rel), wantRW, rwMode);
  }
  if (isRw) {
    switch (path.rwMode) {
      case RWMode.Single:
        return extend(path, vertex, checkOffRelInPackedSet(path.want, rel), 0, RWMode.None);
      case RWMode.NonadjacentFree:
        return extend(
          path,
          vertex,
          checkOffRelInPackedSet(path.want, rel),
          path.wantRW === 0 ? 0 : path.wantRW - 1,
          RWMode.NonadjacentTaken,
        );
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Appends to `out` the paths that take the edge to `vertex` (whose rels are `rels`) from `path`. */
function step(path: Path, rels: number, vertex: number, out: Path[]): void {
  const rwMask =
    path.wantRW > 0 || path.rwMode === RWMode.Single || path.rwMode === RWMode.NonadjacentFree ? ANY_RW : 0;
  const wantMask = packedSetToMask(path.want) & ~rwMask;
  const legalMask = path.legal & ~rwMask & ~wantMask;
  const rwRels = rels & rwMask;
  for (let i = 0; i < 8 && rwRels !== 0; i++) {
    const rel = rwRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(path, rel, vertex);
      if (p) out.push(p);
    }
  }
  if (path.wantRW > 0 && path.length === 1) return;
  const wantRels = rels & wantMask;
  for (let i = 0; i < 8 && wantRels !== 0; i++) {
    const rel = wantRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(path, rel, vertex);
      if (p) out.push(p);
    }
  }
  if (path.want !== 0 && path.length === 1) return;
  const legalRels = rels & legalMask;
  for (let i = 0; i < 8 && legalRels !== 0; i++) {
    const rel = legalRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(path, rel, vertex);
      if (p) {
        out.push(p);
        return;
      }
    }
  }
}

function expand(g: RelGraph, paths: readonly Path[], deadline: Deadline): Path[] {
  const next: Path[] = [];
  for (const path of paths) {
    if (deadline.passed()) throw new SearchTimeout();
    const to = g.successors(path.vertex);
    const rels = g.successorRels(path.vertex);
    for (let i = 0; i < to.length; i++) step(path, rels[i], to[i], next);
  }
  return next;
}

function trimLoop(
  g: RelGraph,
  init: ReturnType<typeof initialPath>,
  path: Path,
  deadline: Deadline,
): number[] | null {
  const ops = opsOf(path);
  const pin = path.vertex;
  const trimmed = ops.slice(ops.indexOf(pin));
  const sub = g.select(trimmed);
  for (const v of trimmed) {
    const found = searchFrom(sub, init, v, deadline);
    if (found) return found;
  }
  return null;
}

function searchFrom(
  g: RelGraph,
  init: ReturnType<typeof initialPath>,
  start: number,
  deadline: Deadline,
): number[] | null {
  let paths: Path[] = [{ ...init, vertex: start, prev: undefined, length: 1 }];
  while (paths.length > 0) {
    const open: Path[] = [];
    for (const path of paths) {
      if (!isLoop(path)) {
        open.push(path);
      } else if (isValid(path)) {
        if (firstVertex(path) === path.vertex) return opsOf(path);
        const trimmed = trimLoop(g, init, path, deadline);
        if (trimmed) return trimmed;
      }
    }
    paths = expand(g, open, deadline);
  }
  return null;
}

/**
 * A cycle (first vertex repeated at the end) matching `spec`, or null. Throws SearchTimeout past `deadline`.
 * Elle searches from one start vertex after another in Bifurcan's hash order; here the searches from all start
 * vertices advance one shell at a time in lockstep, so the shortest matching cycle is found first and one start
 * whose paths explode cannot starve the others (which start Elle happens to try first is arbitrary anyway).
 */
export function searchCycle(
  g: RelGraph,
  spec: CycleSpec,
  deadline: Deadline,
  order: readonly number[],
): number[] | null {
  const init = initialPath(spec);
  let frontiers: Path[][] = order
    .filter((v) => g.hasVertex(v))
    .map((v) => [{ ...init, vertex: v, prev: undefined, length: 1 }]);
  while (frontiers.length > 0) {
    const next: Path[][] = [];
    for (const paths of frontiers) {
      const open: Path[] = [];
      for (const path of paths) {
        if (!isLoop(path)) {
          open.push(path);
        } else if (isValid(path)) {
          if (firstVertex(path) === path.vertex) return opsOf(path);
          const trimmed = trimLoop(g, init, path, deadline);
          if (trimmed) return trimmed;
        }
      }
      const expanded = expand(g, open, deadline);
      if (expanded.length > 0) next.push(expanded);
    }
    frontiers = next;
  }
  return null;
}
