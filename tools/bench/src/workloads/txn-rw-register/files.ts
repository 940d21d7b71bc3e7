/**
 * The files a txn-rw-register check leaves in the run's store folder, relative to it: Elle's `elle/<type>.txt`
 * for every reportable cycle type, an SVG per explained cycle (`elle/<type>/<i>.svg`), and — a bench addition —
 * `elle/anomalies.txt` describing the reportable non-cycle anomalies (G1a, G1b, internal, lost-update,
 * cyclic-versions) in plain words.
 */
import { reportableAnomalyTypes, type ElleAnalysis, type ElleOptions } from '../../elle/check';
import { CYCLE_TYPES } from '../../elle/cycle-specs';
import { isCycleCase, type CycleAnomaly, type CycleCase } from '../../elle/cycles';
import { edn, ednOp } from '../../elle/edn';
import type { CyclicVersionsCase } from '../../elle/versions';
import type { InternalCase, LostUpdateCase, ReadCase } from '../../elle/non-cycle-anomalies';
import { cycleSvg, renderCycleFile } from '../../elle/render';

export interface ResultFile {
  /** Path relative to the run's store folder, '/'-separated. */
  readonly path: string;
  readonly content: string;
}

function describe(type: string, cases: unknown[]): string[] {
  switch (type) {
    case 'G1a':
      return (cases as ReadCase[]).map(
        (c) =>
          `${ednOp(c.op)} read ${edn(c.mop[1])} = ${edn(c.mop[2])}, written by the failed (aborted) ${ednOp(c.writer)}`,
      );
    case 'G1b':
      return (cases as ReadCase[]).map(
        (c) =>
          `${ednOp(c.op)} read ${edn(c.mop[1])} = ${edn(c.mop[2])}, an intermediate write of ${ednOp(c.writer)}, which later overwrote it`,
      );
    case 'internal':
      return (cases as InternalCase[]).map(
        (c) =>
          `${ednOp(c.op)} read ${edn(c.mop[1])} = ${edn(c.mop[2])}, but its own earlier micro-op implies ${edn(c.expected)}`,
      );
    case 'lost-update':
      return (cases as LostUpdateCase[]).map(
        (c) =>
          `${c.txns.length} committed txns read key ${edn(c.key)} = ${edn(c.value)} and then wrote it:\n` +
          c.txns.map((t) => `    ${ednOp(t)}`).join('\n'),
      );
    case 'cyclic-versions':
      return (cases as CyclicVersionsCase[]).map(
        (c) =>
          `key ${edn(c.key)}: versions ${edn(c.scc)} are ordered in a cycle (inferred from ${c.sources.join(', ')})`,
      );
    default:
      return [];
  }
}

export function elleFiles(analysis: ElleAnalysis, opts: ElleOptions): ResultFile[] {
  const reportable = reportableAnomalyTypes(opts);
  const files: ResultFile[] = [];
  const notes: string[] = [];
  for (const [type, cases] of [...analysis.anomalies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!reportable.has(type) || !Array.isArray(cases)) continue;
    if (CYCLE_TYPES.has(type)) {
      const cycles = (cases as CycleAnomaly[]).filter(isCycleCase) as CycleCase[];
      files.push({ path: `elle/${type}.txt`, content: renderCycleFile(cycles) });
      cycles.forEach((c, i) => files.push({ path: `elle/${type}/${i}.svg`, content: cycleSvg(c) }));
    } else {
      const lines = describe(type, cases);
      if (lines.length > 0)
        notes.push(`${type} (${lines.length})\n${lines.map((l) => `  - ${l}`).join('\n')}`);
    }
  }
  if (notes.length > 0) files.push({ path: 'elle/anomalies.txt', content: `${notes.join('\n\n')}\n` });
  return files;
}
