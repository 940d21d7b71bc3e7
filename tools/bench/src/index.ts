/**
 * The bench as a library (`@glomers/bench`): its Elle port, for tests that judge histories they made themselves
 * (tools/txn-integration); for the scripts in tools/scripts, where the real Maelstrom is, the apps' challenge rows,
 * the EDN reader and operation latencies. The command line is main.ts.
 */
export { challengesFor, type Bounds, type ChallengeRun } from './challenges';
export { findMaelstrom } from './cli/engine';
export { readEdn } from './results/edn-reader';
export { opLatencies, type LatencyEvent, type LatencyStats } from './results/op-latency';
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
