import type { Random } from '@glomers/sim';
import type { GeneratedOp, OpGenerator } from '../../lib/workload';

/**
 * Maelstrom's `gen/mix` of broadcasts and reads: each op is a broadcast or a read with equal chance; broadcast values
 * are 0, 1, 2, … in the order they are issued.
 */
export function broadcastGenerator(random: Random): OpGenerator {
  let nextValue = 0;
  return {
    next: (): GeneratedOp =>
      random.int(2) === 0 ? { f: 'broadcast', value: nextValue++ } : { f: 'read', value: null },
  };
}
