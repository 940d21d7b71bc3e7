import type { Random } from '../lib/ports';

export type LatencyDist = 'constant' | 'uniform' | 'exponential';

/**
 * Draws one message latency in whole ms, as Maelstrom's incanter distributions truncated to a long (§3.1):
 * constant = exactly mean; uniform = integer in [0, 2·mean); exponential = mean `mean`.
 */
export function latencySampler(dist: LatencyDist, meanMs: number, random: Random): () => number {
  switch (dist) {
    case 'constant':
      return () => meanMs;
    case 'uniform':
      return () => (meanMs <= 0 ? 0 : random.int(2 * meanMs));
    case 'exponential':
      return () => (meanMs <= 0 ? 0 : Math.floor(-Math.log(1 - random.next()) * meanMs));
  }
}
