import uPlot from 'uplot';
import type { OpSeries, PartitionWindow } from '../model';
import { kindColors } from './colors';
import { partitionShading } from './partition-shading';
import { bucketWidthS } from './quantiles';

/** Completions per second over time, one line per "f outcome", as Maelstrom's rate.png; partitions shaded. */
export function rateChart(target: HTMLElement, ops: OpSeries, partitions: readonly PartitionWindow[]): uPlot {
  const widthS = bucketWidthS(ops.endMs / 1000, Math.min(80, ops.latencyMs.length / 10));
  const buckets = Math.max(1, Math.ceil(ops.endMs / 1000 / widthS));
  const rates = ops.kinds.map(() => new Array<number>(buckets).fill(0));
  ops.invokeMs.forEach((ms, i) => {
    const done = (ms + ops.latencyMs[i]) / 1000;
    const b = Math.min(buckets - 1, Math.floor(done / widthS));
    rates[ops.kind[i]][b] += 1 / widthS;
  });
  const xs = Array.from({ length: buckets }, (_, b) => (b + 0.5) * widthS);
  const colors = kindColors(ops.kinds);
  return new uPlot(
    {
      width: Math.max(320, target.clientWidth),
      height: 260,
      title: `Throughput: completions per second (${widthS} s buckets)`,
      legend: { live: false },
      scales: { x: { time: false } },
      axes: [{ label: 'time since the first op (s)' }, { label: 'ops/s', size: 60 }],
      series: [
        { label: 'time (s)' },
        ...ops.kinds.map((kind, k) => ({
          label: kind,
          stroke: colors[k],
          width: 1.5,
          points: { show: false },
        })),
      ],
      plugins: [partitionShading(partitions, ops.endMs)],
    },
    [xs, ...rates],
    target,
  );
}
