import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadChallenges } from '../challenges';
import { rowPassed, type SummaryRow } from '../results/summary-rows';
import { rowCells, suiteVerdict, TABLE_HEADER, type MissingRow } from '../results/summary-table';
import { escapeHtml as e, href } from './html';

const STYLE = `body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1300px;padding:0 16px;color:#1f2328}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}
td:not(.checks){white-space:nowrap}tr.fail td{background:#fff1f1}tr.fail td:first-child{color:#c01f1f;font-weight:700}.checks{font-size:.8rem;color:#59636e}
.summary{font-size:1.1rem;font-weight:600}.ok{color:#1a7f37}.bad{color:#c01f1f}`;

/** store/index.html: the suite's rows, each linking to its run's report. Returns the page's path. */
export function writeSuiteIndex(
  root: string,
  rows: readonly SummaryRow[],
  missing: readonly MissingRow[],
): string {
  const store = join(root, 'store');
  mkdirSync(store, { recursive: true });
  const failed = rows.filter((r) => !rowPassed(r)).length + missing.length;
  const challenges = loadChallenges();
  const bounds = (r: SummaryRow) => challenges.find((c) => c.challenge === r.challenge)?.bounds;
  const body = rows.map((r) => {
    const cells = rowCells(r, bounds(r)).map((c) => `<td>${e(c)}</td>`);
    const link =
      r.report && existsSync(r.report)
        ? `<a href="${href(relative(store, r.report))}">report</a>`
        : '<span class="checks">no report</span>';
    const checks = rowPassed(r) ? '' : (r.failures ?? r['missed-bounds']).map((f) => e(f)).join('<br>');
    return `<tr class="${rowPassed(r) ? 'pass' : 'fail'}">${cells.join('')}<td>${link}</td><td class="checks">${checks}</td></tr>`;
  });
  const missingRows = missing.map(
    (m) =>
      `<tr class="fail"><td>✗</td><td>${e(m.app)}</td><td colspan="6">no result: its maelstrom task ended with ${e(m.status)}</td><td></td><td></td></tr>`,
  );
  const total = rows.length + missing.length;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gossip Glomers suite: ${suiteVerdict(failed, total)}</title>
<style>${STYLE}</style></head><body>
<h1>Gossip Glomers challenges</h1>
<p class="summary ${failed > 0 ? 'bad' : 'ok'}">${suiteVerdict(failed, total)}</p>
<p class="checks">Written ${e(new Date().toISOString())}. Each report opens from disk (no server needed).</p>
<table><thead><tr>${TABLE_HEADER.map((h) => `<th>${e(h)}</th>`).join('')}<th>report</th><th>failing checks</th></tr></thead>
<tbody>
${[...body, ...missingRows].join('\n')}
</tbody></table>
</body></html>
`;
  const path = join(store, 'index.html');
  writeFileSync(path, html);
  return path;
}
