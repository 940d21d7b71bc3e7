import fc from 'fast-check';
import { acknowledged, type WorkloadModel } from '../workload-model';

/** Grow-only counter: a read after the run counts at least every acknowledged add. */
export const gCounterModel: WorkloadModel = {
  types: ['add', 'read'],
  fields: ['delta'],
  request: fc.oneof(
    { weight: 3, arbitrary: fc.nat(1000).map((delta) => ({ type: 'add', delta })) },
    { weight: 1, arbitrary: fc.constant({ type: 'read' }) },
  ),
  async verify(exchanges, call) {
    const read = await call({ type: 'read' });
    const value = read?.type === 'read_ok' ? read['value'] : undefined;
    if (!Number.isSafeInteger(value)) return `the final read was answered ${JSON.stringify(read)}`;
    const added = acknowledged(exchanges, 'add_ok').reduce(
      (sum, e) => sum + (e.request['delta'] as number),
      0,
    );
    return (value as number) < added
      ? `the final read ${String(value)} is below the ${added} acknowledged`
      : undefined;
  },
};
