/**
 * Every workload the bench knows, by its -w name. To add one: write `src/workloads/<name>/index.ts` exporting a
 * `Workload` (see src/lib/workload.ts) and add ONE import line below plus its name in the list.
 */
import type { Workload } from '../lib/workload';
import { broadcast } from './broadcast';
import { echo } from './echo';
import { gCounter } from './g-counter';
import { kafka } from './kafka';
import { pnCounter } from './pn-counter';
import { txnRwRegister } from './txn-rw-register';
import { uniqueIds } from './unique-ids';

const ALL: readonly Workload[] = [echo, uniqueIds, broadcast, gCounter, pnCounter, kafka, txnRwRegister];

export const WORKLOADS: ReadonlyMap<string, Workload> = new Map(ALL.map((w) => [w.name, w]));
