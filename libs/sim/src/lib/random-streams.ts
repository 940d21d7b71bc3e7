import type { Random } from './ports';
import { SeededRandom } from './seeded-random';

/**
 * Independent seeded random streams, one per named purpose, all derived from one seed (a run's --seed). Separate streams
 * keep e.g. the op values independent of how many latencies were drawn, so a seed fixes each stream on its own.
 */
export class RandomStreams {
  constructor(readonly seed: number) {}

  stream(purpose: string): Random {
    return new SeededRandom(mix(this.seed, purpose));
  }
}

/** FNV-1a over the purpose, folded with the seed. */
function mix(seed: number, purpose: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  for (let i = 0; i < purpose.length; i++) {
    hash ^= purpose.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Uniform pick from a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.int(items.length)];
}

/** Fisher–Yates shuffle into a new array. */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
