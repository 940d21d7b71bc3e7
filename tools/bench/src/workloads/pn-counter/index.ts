import { counterWorkload } from './workload';

/** Maelstrom's pn-counter workload: adds with deltas −5 … 4 and reads; final reads checked against the adds. */
export const pnCounter = counterWorkload('pn-counter', false);
