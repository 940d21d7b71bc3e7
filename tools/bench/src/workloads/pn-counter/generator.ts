import type { Random } from '@glomers/sim';
import type { GeneratedOp, OpGenerator } from '../../lib/workload';

/** Maelstrom's pn-counter mix: add (delta = randint(0..9) − 5) or read, with equal chance. */
export function counterGenerator(random: Random, options: { readonly growOnly: boolean }): OpGenerator {
  return {
    next: (): GeneratedOp => {
      for (;;) {
        if (random.int(2) === 1) return { f: 'read', value: null };
        const delta = random.int(10) - 5;
        // g-counter wraps the same mix in gen/filter: a negative add is dropped and the mix draws again.
        if (!options.growOnly || delta >= 0) return { f: 'add', value: delta };
      }
    },
  };
}
