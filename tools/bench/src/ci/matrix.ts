import { challengesFor, type ChallengeRun } from '../challenges';

/** One job of the `maelstrom` matrix: an app and, for the job's name, its challenge rows. */
export interface MaelstromJob {
  readonly app: string;
  readonly rows: string;
}

/** One job of the `sweep` matrix: one nemesis row over the seeds first..last. */
export interface SweepShard {
  readonly app: string;
  readonly row: string;
  readonly nemesis: string;
  readonly first: number;
  readonly last: number;
}

/** Both matrices, each in the shape of a GitHub Actions `strategy.matrix` (`fromJSON` takes it as is). */
export interface CiMatrix {
  readonly maelstrom: { readonly include: readonly MaelstromJob[] };
  readonly sweep: { readonly include: readonly SweepShard[] };
}

/** The row's `--nemesis` value, or undefined when the row runs without one. */
export function nemesisOf(row: ChallengeRun): string | undefined {
  const i = row.args.indexOf('--nemesis');
  return i >= 0 ? row.args[i + 1] : undefined;
}

/** first..last cut into consecutive ranges of `size` seeds (the last one shorter when size does not divide). */
export function seedShards(first: number, last: number, size: number): Array<[number, number]> {
  const shards: Array<[number, number]> = [];
  for (let from = first; from <= last; from += size) shards.push([from, Math.min(last, from + size - 1)]);
  return shards;
}

/**
 * The matrices for `apps` (the projects with a `maelstrom` target). Rows come from `challengesFor`, the bench's one
 * way to an app's challenge rows; an app without rows is an error (its CI job would run nothing).
 */
export function ciMatrix(
  apps: readonly string[],
  seeds: { readonly first: number; readonly last: number },
  shardSize: number,
): CiMatrix | string {
  const maelstrom: MaelstromJob[] = [];
  const sweep: SweepShard[] = [];
  for (const app of [...apps].sort()) {
    const rows = challengesFor(app);
    if (rows.length === 0) return `${app} has a maelstrom target but no challenge rows`;
    maelstrom.push({ app, rows: rows.map((r) => r.challenge).join(', ') });
    for (const row of rows) {
      const nemesis = nemesisOf(row);
      if (nemesis === undefined) continue;
      for (const [first, last] of seedShards(seeds.first, seeds.last, shardSize))
        sweep.push({ app, row: row.challenge, nemesis, first, last });
    }
  }
  return { maelstrom: { include: maelstrom }, sweep: { include: sweep } };
}
