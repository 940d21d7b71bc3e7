/** Dependency kinds as Elle's BitRels bit set (elle/BitRels.java): one bit each, in this order. */
export const WW = 0x01;
export const WR = 0x02;
export const RW = 0x04;
export const WWP = 0x08;
export const WRP = 0x10;
export const RWP = 0x20;
export const PROCESS = 0x40;
export const REALTIME = 0x80;
export const ANY_RW = RW | RWP;

export const REL_NAMES = ['ww', 'wr', 'rw', 'wwp', 'wrp', 'rwp', 'process', 'realtime'] as const;
export type RelName = (typeof REL_NAMES)[number];

export function relNames(rels: number): RelName[] {
  return REL_NAMES.filter((_, i) => (rels & (1 << i)) !== 0);
}
