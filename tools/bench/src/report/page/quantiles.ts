import { quantileSorted } from 'd3';

/** Picks a round bucket width (seconds) giving about `target` buckets over `spanS`. */
export function bucketWidthS(spanS: number, target: number): number {
  const widths = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 30, 60];
  return widths.find((w) => spanS / w <= Math.max(1, target)) ?? widths[widths.length - 1];
}

/**
 * For each point, quantile q of the latencies in its time bucket: a stepped line, as Jepsen's latency-quantiles plot
 * draws per bucket. Points not in `member` get null.
 */
export function bucketQuantiles(
  xs: readonly number[],
  ys: readonly number[],
  member: (i: number) => boolean,
  widthS: number,
  qs: readonly number[],
): (number | null)[][] {
  const buckets = new Map<number, number[]>();
  xs.forEach((x, i) => {
    if (!member(i)) return;
    const b = Math.floor(x / widthS);
    const list = buckets.get(b) ?? [];
    list.push(ys[i]);
    buckets.set(b, list);
  });
  const values = new Map<number, number[]>();
  for (const [b, list] of buckets) {
    list.sort((p, q) => p - q);
    values.set(
      b,
      qs.map((q) => quantileSorted(list, q) ?? 0),
    );
  }
  return qs.map((_, qi) =>
    xs.map((x, i) => (member(i) ? (values.get(Math.floor(x / widthS))?.[qi] ?? null) : null)),
  );
}
