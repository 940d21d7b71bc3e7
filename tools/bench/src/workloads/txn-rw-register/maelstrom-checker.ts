/**
 * Maelstrom's txn-rw-register checker (maelstrom/workload/txn_rw_register.clj `checker`): Elle's rw-register
 * check, minus `cycle-search-timeout`, and invalid whenever any other reportable anomaly type remains — so
 * `empty-transaction-graph` (Elle's :unknown) fails the run too. If Elle itself throws (e.g. a value written by two
 * ok txns and read), Jepsen reports the checker as `valid?: unknown` with the error.
 */
import type { CheckResult, History } from '../../lib/history';
import { checkRwRegister, type ElleAnalysis, type ElleOptions } from '../../elle/check';

export interface TxnCheck {
  readonly result: CheckResult;
  readonly analysis: ElleAnalysis | undefined;
}

export function checkTxnRwRegister(history: History, opts: ElleOptions): TxnCheck {
  let elle: ReturnType<typeof checkRwRegister>;
  try {
    elle = checkRwRegister(history, opts);
  } catch (e) {
    return {
      result: { 'valid?': 'unknown', error: e instanceof Error ? e.message : String(e) },
      analysis: undefined,
    };
  }
  const { result } = elle;
  const types = (result['anomaly-types'] ?? []).filter((t) => t !== 'cycle-search-timeout');
  const anomalies: Record<string, unknown> | null = result.anomalies ? { ...result.anomalies } : null;
  if (anomalies) delete anomalies['cycle-search-timeout'];
  return {
    result: { ...result, 'anomaly-types': types, anomalies, 'valid?': types.length === 0 },
    analysis: elle.analysis,
  };
}
