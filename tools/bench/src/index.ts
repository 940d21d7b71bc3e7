/**
 * The bench as a library (`@glomers/bench`): its Elle port, for tests that judge histories they made themselves
 * (tools/txn-integration), and where the real Maelstrom is (the sweep scripts). The command line is main.ts.
 */
export { findMaelstrom } from './cli/engine';
export type { CheckResult, History, Op, OpType, Validity } from './lib/history';
export {
  checkRwRegister,
  UNKNOWN_ANOMALY_TYPES,
  type ElleAnalysis,
  type ElleOptions,
  type ElleResult,
} from './elle/check';
export { RelGraph } from './elle/graph';
export { relNames, RW, WR, WW, type RelName } from './elle/rels';
