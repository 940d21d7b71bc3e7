/**
 * What each cycle anomaly looks like (elle/txn.clj `base-cycle-anomaly-specs` plus their -process and -realtime
 * variants) and the per-model "a cycle exists" subgraphs (`cycle-exists-specs`).
 */
import type { CycleSpec } from './bfs';
import { friendlyModelName } from './consistency-model';
import { CYCLE_ANOMALY_ORDER } from './elle-tables';
import { PROCESS, REALTIME, RW, RWP, WR, WRP, WW, WWP } from './rels';

const BASE: Readonly<Record<string, CycleSpec>> = {
  G0: { rels: WW | WWP },
  G1c: { rels: WW | WWP | WR | WRP, requiredRels: [WR | WRP] },
  'G-single-item': { rels: WW | WWP | WR | WRP, singleRels: RW, type: 'G-single-item' },
  'G-single': { rels: WW | WWP | WR | WRP, singleRels: RW | RWP, type: 'G-single' },
  'G-nonadjacent-item': {
    rels: WW | WWP | WR | WRP,
    nonadjacentRels: RW,
    multipleRels: RW,
    type: 'G-nonadjacent-item',
  },
  'G-nonadjacent': {
    rels: WW | WWP | WR | WRP,
    nonadjacentRels: RW | RWP,
    multipleRels: RW | RWP,
    type: 'G-nonadjacent',
  },
  'G2-item': { rels: WW | WWP | WR | WRP | RW, multipleRels: RW, type: 'G2-item' },
  G2: { rels: WW | WWP | WR | WRP | RW | RWP, multipleRels: RW | RWP, type: 'G2' },
};

function variant(name: string, rel: number, suffix: string): CycleSpec {
  const base = BASE[name];
  return {
    ...base,
    rels: base.rels | rel,
    requiredRels: [...(base.requiredRels ?? []), rel],
    type: base.type === undefined ? undefined : `${name}-${suffix}`,
  };
}

function specFor(type: string): CycleSpec {
  for (const [suffix, rel] of [
    ['process', PROCESS],
    ['realtime', REALTIME],
  ] as const) {
    if (type.endsWith(`-${suffix}`)) return variant(type.slice(0, -suffix.length - 1), rel, suffix);
  }
  return BASE[type];
}

/** Cycle anomaly types and specs, in the order Elle searches them. */
export const CYCLE_ANOMALY_SPECS: ReadonlyArray<readonly [string, CycleSpec]> = CYCLE_ANOMALY_ORDER.map(
  (t) => [t, specFor(t)],
);

export const CYCLE_TYPES: ReadonlySet<string> = new Set(CYCLE_ANOMALY_ORDER);
export const REALTIME_ANOMALY_TYPES = CYCLE_ANOMALY_ORDER.filter((t) => t.includes('-realtime'));
export const PROCESS_ANOMALY_TYPES = CYCLE_ANOMALY_ORDER.filter((t) => t.includes('-process'));

/** A subgraph: a union of rels, or `extension` A ∪ (A;B) (one step through A then one through B). */
export type Subgraph = { readonly union: number } | { readonly extension: readonly [number, number] };

export interface CycleExistsSpec {
  readonly model: string;
  readonly type: string;
  readonly friendlyModel: string;
  readonly subgraph: Subgraph;
  /** The subgraph as Elle prints it, e.g. ["union","ww","wwp"]. */
  readonly friendlySubgraph: unknown[];
}

const names: Record<number, string> = {
  [WW]: 'ww',
  [WWP]: 'wwp',
  [WR]: 'wr',
  [WRP]: 'wrp',
  [RW]: 'rw',
  [RWP]: 'rwp',
  [PROCESS]: 'process',
  [REALTIME]: 'realtime',
};
const union = (...rels: number[]): unknown[] => ['union', ...rels.map((r) => names[r])];

function spec(model: string, rels: number[], extensionRels?: number[]): CycleExistsSpec {
  const a = rels.reduce((x, y) => x | y, 0);
  return {
    model,
    type: `${model}-cycle-exists`,
    friendlyModel: friendlyModelName(model),
    subgraph: extensionRels ? { extension: [a, extensionRels.reduce((x, y) => x | y, 0)] } : { union: a },
    friendlySubgraph: extensionRels ? ['extension', union(...rels), union(...extensionRels)] : union(...rels),
  };
}

export const CYCLE_EXISTS_SPECS: readonly CycleExistsSpec[] = [
  spec('PL-1', [WW, WWP]),
  spec('PL-2', [WW, WWP, WR, WRP]),
  spec('PL-SI', [WW, WWP, WR, WRP], [RW, RWP]),
  spec('PL-2.99', [WW, WWP, WR, WRP, RW]),
  spec('PL-3', [WW, WWP, WR, WRP, RW, RWP]),
  spec('strong-session-PL-1', [WW, WWP, PROCESS]),
  spec('strong-session-PL-2', [WW, WWP, WR, WRP, PROCESS]),
  spec('strong-session-snapshot-isolation', [WW, WWP, WR, WRP, PROCESS], [RW, RWP]),
  spec('strong-session-serializable', [WW, WWP, WR, WRP, RW, RWP, PROCESS]),
  spec('strong-PL-1', [WW, WWP, REALTIME]),
  spec('strong-PL-2', [WW, WWP, WR, WRP, REALTIME]),
  spec('strong-snapshot-isolation', [WW, WWP, WR, WRP, REALTIME], [RW, RWP]),
  spec('PL-SS', [WW, WWP, WR, WRP, RW, RWP, REALTIME]),
];
