import type { Op } from '../src/lib/history';
import { opSeries, partitionWindows } from '../src/report/ops-series';

const ms = 1e6;
let index = 0;
const op = (
  process: Op['process'],
  type: Op['type'],
  f: string,
  timeMs: number,
  value: unknown = null,
): Op => ({
  index: index++,
  time: timeMs * ms,
  process,
  type,
  f,
  value,
});

describe('opSeries: one point per completed client op', () => {
  const history: Op[] = [
    op(0, 'invoke', 'broadcast', 0, 1),
    op(1, 'invoke', 'read', 1),
    op('nemesis', 'info', 'start-partition', 2, 'majority'),
    op(0, 'ok', 'broadcast', 3, 1),
    op(1, 'info', 'read', 5001),
    op(0, 'invoke', 'read', 6000),
  ];
  const series = opSeries(history);

  it('plots completed ops with their latency, kind by f and outcome; counts every invocation', () => {
    expect(series.kinds).toEqual(['broadcast ok', 'read info']);
    expect(series.invokeMs).toEqual([0, 1]);
    expect(series.latencyMs).toEqual([3, 5000]);
    expect(series.kind).toEqual([0, 1]);
    expect(series.invocations).toBe(3);
    expect(series.endMs).toBe(6000);
  });
});

describe('partitionWindows', () => {
  it('spans each start-partition to the next stop-partition; an unhealed one stays open', () => {
    const history: Op[] = [
      op('nemesis', 'info', 'start-partition', 10, 'one'),
      op('nemesis', 'info', 'start-partition', 10, ['isolated', {}]),
      op('nemesis', 'info', 'stop-partition', 2000),
      op('nemesis', 'info', 'stop-partition', 2000, 'network-healed'),
      op('nemesis', 'info', 'start-partition', 3000, 'majority'),
    ];
    expect(partitionWindows(history)).toEqual([
      { startMs: 10, endMs: 2000, label: 'one' },
      { startMs: 3000, endMs: undefined, label: 'majority' },
    ]);
  });
});
