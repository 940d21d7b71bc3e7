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

/** What a search's paths start from: the rels they may take and, initially, what they still want. */
interface PathStart {
  readonly legal: number;
  readonly want: number;
  readonly wantRW: number;
  readonly rwMode: RWMode;
}

/**
 * Every path of one search, as columns: path `i` is path `prev[i]` extended to `vertex[i]` (a start when prev is
 * -1), with what it still wants. A search on a large SCC makes millions of paths; as objects they were most of a
 * 6c check's time (allocation and the GC of objects that all live until the search ends).
 */
class Paths {
  private capacity = 1024;
  size = 0;
  vertex = new Int32Array(this.capacity);
  prev = new Int32Array(this.capacity);
  want = new Int32Array(this.capacity);
  wantRW = new Uint8Array(this.capacity);
  rwMode = new Uint8Array(this.capacity);

  constructor(readonly legal: number) {}

  add(prev: number, vertex: number, want: number, wantRW: number, rwMode: RWMode): number {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.prev[i] = prev;
    this.vertex[i] = vertex;
    this.want[i] = want;
    this.wantRW[i] = wantRW;
    this.rwMode[i] = rwMode;
    return i;
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.vertex = widen(this.vertex, (n) => new Int32Array(n));
    this.prev = widen(this.prev, (n) => new Int32Array(n));
    this.want = widen(this.want, (n) => new Int32Array(n));
    this.wantRW = widen(this.wantRW, (n) => new Uint8Array(n));
    this.rwMode = widen(this.rwMode, (n) => new Uint8Array(n));
  }
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

function initialPath(spec: CycleSpec): PathStart {
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

function startPath(paths: Paths, init: PathStart, vertex: number): number {
  return paths.add(-1, vertex, init.want, init.wantRW, init.rwMode);
}

function isLoop(paths: Paths, path: number): boolean {
  const vertex = paths.vertex[path];
  for (let p = paths.prev[path]; p !== -1; p = paths.prev[p]) if (paths.vertex[p] === vertex) return true;
  return false;
}

function isValid(paths: Paths, path: number): boolean {
  return paths.want[path] === 0 && paths.wantRW[path] === 0 && paths.rwMode[path] !== RWMode.NonadjacentTaken;
}

function opsOf(paths: Paths, path: number): number[] {
  const ops: number[] = [];
  for (let p = path; p !== -1; p = paths.prev[p]) ops.push(paths.vertex[p]);
  return ops.reverse();
}

function firstVertex(paths: Paths, path: number): number {
  let p = path;
  while (paths.prev[p] !== -1) p = paths.prev[p];
  return paths.vertex[p];
}

/** The path `path` extended along an edge of one rel, or -1 when it may not take that rel. */
function stepRel(paths: Paths, path: number, rel: number, vertex: number): number {
  const isRw = (rel & ANY_RW) !== 0;
  const want = paths.want[path];
  const wantRW = paths.wantRW[path];
  const rwMode = paths.rwMode[path] as RWMode;
  if ((rel & paths.legal) !== 0) {
    const nextWantRW = isRw && wantRW !== 0 ? wantRW - 1 : wantRW;
    const nextMode = rwMode === RWMode.NonadjacentTaken ? RWMode.NonadjacentFree : rwMode;
    return paths.add(path, vertex, checkOffRelInPackedSet(want, rel), nextWantRW, nextMode);
  }
  if (isRw) {
    switch (rwMode) {
      case RWMode.Single:
        return paths.add(path, vertex, checkOffRelInPackedSet(want, rel), 0, RWMode.None);
      case RWMode.NonadjacentFree:
        return paths.add(
          path,
          vertex,
          checkOffRelInPackedSet(want, rel),
          wantRW === 0 ? 0 : wantRW - 1,
          RWMode.NonadjacentTaken,
        );
      default:
        return -1;
    }
  }
  return -1;
}

/** Appends to `out` the paths that take the edge to `vertex` (whose rels are `rels`) from `path`. */
function step(paths: Paths, path: number, rels: number, vertex: number, out: number[]): void {
  const want = paths.want[path];
  const wantRW = paths.wantRW[path];
  const rwMode = paths.rwMode[path] as RWMode;
  const isStart = paths.prev[path] === -1;
  const rwMask = wantRW > 0 || rwMode === RWMode.Single || rwMode === RWMode.NonadjacentFree ? ANY_RW : 0;
  const wantMask = packedSetToMask(want) & ~rwMask;
  const legalMask = paths.legal & ~rwMask & ~wantMask;
  const rwRels = rels & rwMask;
  for (let i = 0; i < 8 && rwRels !== 0; i++) {
    const rel = rwRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(paths, path, rel, vertex);
      if (p !== -1) out.push(p);
    }
  }
  if (wantRW > 0 && isStart) return;
  const wantRels = rels & wantMask;
  for (let i = 0; i < 8 && wantRels !== 0; i++) {
    const rel = wantRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(paths, path, rel, vertex);
      if (p !== -1) out.push(p);
    }
  }
  if (want !== 0 && isStart) return;
  const legalRels = rels & legalMask;
  for (let i = 0; i < 8 && legalRels !== 0; i++) {
    const rel = legalRels & (1 << i);
    if (rel !== 0) {
      const p = stepRel(paths, path, rel, vertex);
      if (p !== -1) {
        out.push(p);
        return;
      }
    }
  }
}

function expand(g: RelGraph, paths: Paths, open: readonly number[], deadline: Deadline): number[] {
  const next: number[] = [];
  for (const path of open) {
    if (deadline.passed()) throw new SearchTimeout();
    const from = paths.vertex[path];
    const to = g.successors(from);
    const rels = g.successorRels(from);
    for (let i = 0; i < to.length; i++) step(paths, path, rels[i], to[i], next);
  }
  return next;
}

function trimLoop(
  g: RelGraph,
  init: PathStart,
  paths: Paths,
  path: number,
  deadline: Deadline,
): number[] | null {
  const ops = opsOf(paths, path);
  const pin = paths.vertex[path];
  const trimmed = ops.slice(ops.indexOf(pin));
  const sub = g.select(trimmed);
  for (const v of trimmed) {
    const found = searchFrom(sub, init, v, deadline);
    if (found) return found;
  }
  return null;
}

/**
 * One shell of a search: the paths of `shell` that loop are checked (a valid loop back to its start is the
 * answer, one with a tail is trimmed and searched again), and the others are returned, to be extended.
 */
function openPaths(
  g: RelGraph,
  init: PathStart,
  paths: Paths,
  shell: readonly number[],
  deadline: Deadline,
): { found: number[] } | { open: number[] } {
  const open: number[] = [];
  for (const path of shell) {
    if (!isLoop(paths, path)) {
      open.push(path);
    } else if (isValid(paths, path)) {
      if (firstVertex(paths, path) === paths.vertex[path]) return { found: opsOf(paths, path) };
      const trimmed = trimLoop(g, init, paths, path, deadline);
      if (trimmed) return { found: trimmed };
    }
  }
  return { open };
}

function searchFrom(g: RelGraph, init: PathStart, start: number, deadline: Deadline): number[] | null {
  const paths = new Paths(init.legal);
  let shell = [startPath(paths, init, start)];
  while (shell.length > 0) {
    const result = openPaths(g, init, paths, shell, deadline);
    if ('found' in result) return result.found;
    shell = expand(g, paths, result.open, deadline);
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
  const paths = new Paths(init.legal);
  let frontiers: number[][] = order.filter((v) => g.hasVertex(v)).map((v) => [startPath(paths, init, v)]);
  while (frontiers.length > 0) {
    const next: number[][] = [];
    for (const shell of frontiers) {
      const result = openPaths(g, init, paths, shell, deadline);
      if ('found' in result) return result.found;
      const expanded = expand(g, paths, result.open, deadline);
      if (expanded.length > 0) next.push(expanded);
    }
    frontiers = next;
  }
  return null;
}
