import { counterWorkload } from '../pn-counter/workload';

/** Maelstrom's g-counter workload: pn-counter's, with negative adds filtered out of the generator (deltas 0 … 4). */
export const gCounter = counterWorkload('g-counter', true);
