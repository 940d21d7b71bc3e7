import uPlot from 'uplot';
import type { OpSeries, PartitionWindow } from '../model';
import { fColor, kindColors } from './colors';
import { partitionShading } from './partition-shading';
import { bucketQuantiles, bucketWidthS } from './quantiles';

/** Latencies below this are drawn at it: the axis is logarithmic, as Maelstrom's latency-raw.png. */
const FLOOR_MS = 0.01;
const QUANTILES = [0.5, 0.95, 0.99] as const;
const DASHES: Record<number, number[]> = { 0.5: [], 0.95: [6, 3], 0.99: [2, 3] };

/**
 * Every completed op as a point at its invocation time (s) and latency (ms), one series per "f outcome", plus
 * stepped quantile lines per f; partitions shaded. Clicking a point calls onPick with its time (ms).
 */
export function latencyChart(
  target: HTMLElement,
  ops: OpSeries,
  partitions: readonly PartitionWindow[],
  onPick: (ms: number) => void,
): uPlot {
  const xs = ops.invokeMs.map((ms) => ms / 1000);
  const ys = ops.latencyMs.map((ms) => Math.max(ms, FLOOR_MS));
  const colors = kindColors(ops.kinds);
  const points = ops.kinds.map((_, k) => ys.map((y, i) => (ops.kind[i] === k ? y : null)));
  const fs = [...new Set(ops.kinds.map((k) => k.split(' ')[0]))];
  // Enough ops per bucket for a quantile to mean something: about 20, in at most 40 buckets.
  const widthS = bucketWidthS(ops.endMs / 1000, Math.min(40, ops.latencyMs.length / 20));
  const quantileSeries = fs.flatMap((f) => {
    const kindsOfF = new Set(ops.kinds.flatMap((k, i) => (k.startsWith(`${f} `) ? [i] : [])));
    return bucketQuantiles(xs, ys, (i) => kindsOfF.has(ops.kind[i]), widthS, QUANTILES).map((line, qi) => ({
      label: `${f} p${QUANTILES[qi] * 100}`,
      color: fColor(ops.kinds, f),
      dash: DASHES[QUANTILES[qi]],
      line,
    }));
  });
  const counts = ops.kinds.map((_, k) => ops.kind.filter((x) => x === k).length);
  const chart = new uPlot(
    {
      width: Math.max(320, target.clientWidth),
      height: 360,
      title: `Latency of each operation (${ops.latencyMs.length} ops; log scale; lines: quantiles per ${widthS} s)`,
      legend: { live: false },
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'time since the first op (s)' }, { label: 'latency (ms)', size: 70 }],
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: 'time (s)' },
        ...ops.kinds.map((kind, k) => ({
          label: `${kind} (${counts[k]})`,
          stroke: colors[k],
          paths: () => null,
          points: { show: true, size: 5, space: 0, fill: colors[k], stroke: colors[k] },
        })),
        ...quantileSeries.map((q) => ({
          label: q.label,
          stroke: q.color,
          dash: q.dash,
          width: 1.5,
          paths: uPlot.paths.stepped?.({ align: 1 }),
          points: { show: false },
          spanGaps: true,
        })),
      ],
      plugins: [partitionShading(partitions, ops.endMs)],
    },
    [xs, ...points, ...quantileSeries.map((q) => q.line)],
    target,
  );
  chart.over.addEventListener('click', () => {
    const left = chart.cursor.left;
    if (left !== undefined && left >= 0) onPick(chart.posToVal(left, 'x') * 1000);
  });
  return chart;
}
