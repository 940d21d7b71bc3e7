import { verdictText } from './build-model';
import { escapeHtml as e, href, jsonForScript, scriptText } from './html';
import type { Failure, FailureTable, NetSection, PageData, ReportModel, RunFacts, Verdict } from './model';
import { DATA_ID, MESSAGES_ID } from './page-ids';
import type { PageAssets } from './page-assets';

/** Images Maelstrom leaves beside its results, shown as they are when the folder has them. */
const MAELSTROM_PLOTS = ['latency-raw.png', 'latency-quantiles.png', 'rate.png'];

/**
 * report.html: one self-contained page. What needs no script (verdict, failing checks, tables, facts) is plain
 * HTML, so it paints at once; charts and the diagram are drawn by the inlined page script from the embedded data.
 * The journal travels beside the JSON, packed (see PackedMessages).
 */
export function renderReportHtml(model: ReportModel, assets: PageAssets): string {
  const data: PageData = { ...model, messages: 'missing' in model.messages ? model.messages : null };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(model.title)}</title>
<style>${assets.style}</style>
</head>
<body>
<header>
<h1>${e(model.facts.workload ?? 'run')} <span class="mono">${e(model.facts.folder)}</span></h1>
<p><span class="verdict ${verdictClass(model.verdict)}" id="verdict">${e(verdictText(model.verdict))}</span>
 engine <b>${e(String(model.facts.engine))}</b>${model.facts.seed !== undefined ? `, seed <b>${model.facts.seed}</b>` : ''}</p>
${checksLine(model)}
<nav><a href="#failures">Checks</a><a href="#latency">Latency and throughput</a><a href="#network">Network</a><a href="#messages">Messages</a><a href="#facts">Run facts</a></nav>
<noscript><p class="note">Charts and the message diagram need JavaScript; everything else is here as text.</p></noscript>
</header>
<section id="failures">
<h2>${model.failures.length > 0 ? `Failing checks (${model.failures.length})` : 'Checks'}</h2>
${model.failures.length > 0 ? model.failures.map(failureHtml).join('\n') : model.verdict === true ? '<p>Every check passed.</p>' : "<p>No check of the results explains this verdict; the folder's results and jepsen.log have the details.</p>"}
</section>
<section id="latency">
<h2>Latency and throughput</h2>
${latencyHtml(model)}
</section>
<section id="network">
<h2>Network</h2>
${networkHtml(model.net)}
</section>
<section id="messages">
<h2>Messages (space-time diagram)</h2>
${messagesHtml(model)}
</section>
<section id="facts">
<h2>Run facts</h2>
${factsHtml(model.facts)}
</section>
<script type="application/json" id="${DATA_ID}">${jsonForScript(data)}</script>
<script type="application/octet-stream" id="${MESSAGES_ID}">${'missing' in model.messages ? '' : model.messages.gzBase64}</script>
<script>${scriptText(assets.script)}</script>
</body>
</html>
`;
}

function verdictClass(verdict: Verdict): string {
  if (verdict === true) return 'verdict-valid';
  if (verdict === false) return 'verdict-invalid';
  return `verdict-${verdict}`;
}

function checksLine(model: ReportModel): string {
  if (model.checks.length === 0) return '';
  const item = (c: ReportModel['checks'][number]) =>
    `<span class="${c.valid === true ? 'check-ok' : 'check-bad'}">${c.valid === true ? '✓' : '✗'} ${e(c.name)}</span>`;
  return `<p class="checks">${model.checks.map(item).join('')}</p>`;
}

function failureHtml(failure: Failure, index: number): string {
  const cycles = failure.cycles
    .map(
      (c, i) => `<div class="cycle-graph"><h4>${e(c.title)}</h4><div data-cycle="${index}.${i}"></div></div>`,
    )
    .join('');
  return `<div class="failure" data-check="${e(failure.check)}">
<h3>${e(failure.headline)}</h3>
${failure.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${failure.tables.map(tableHtml).join('\n')}
${cycles}
</div>`;
}

function tableHtml(table: FailureTable): string {
  const omitted =
    table.omitted > 0
      ? `<p class="omitted">${table.omitted} more rows are not shown; the folder's results hold them all.</p>`
      : '';
  return `<table><caption>${e(table.caption)}</caption>
<thead><tr>${table.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>${omitted}`;
}

function latencyHtml(model: ReportModel): string {
  const plots = model.facts.files.filter((f) => MAELSTROM_PLOTS.includes(f));
  const maelstromPlots = plots.length
    ? `<p class="note">Maelstrom's own plots of this run:</p><div class="maelstrom-plots">${plots.map((f) => `<img src="${href(f)}" alt="${e(f)}" loading="lazy">`).join('')}</div>`
    : '';
  if (model.ops.invokeMs.length === 0)
    return `<p>No completed client operations in this run's history.</p>${maelstromPlots}`;
  const partitions = model.partitions.length
    ? `<p class="note">Shaded: the nemesis' partitions (${model.partitions
        .map(
          (p) =>
            `${p.label} ${(p.startMs / 1000).toFixed(1)}–${p.endMs === undefined ? 'end' : (p.endMs / 1000).toFixed(1)} s`,
        )
        .join(', ')}).</p>`
    : '';
  return `<p class="note">${model.ops.latencyMs.length} completed operations of ${model.ops.invocations} invoked. Click a point to show its messages in the diagram below; drag across the chart to zoom, double-click to reset; click a legend entry to hide a series.</p>
${partitions}
<div id="latency-chart" class="chart"></div>
<div id="rate-chart" class="chart"></div>
${maelstromPlots}`;
}

function networkHtml(net: NetSection): string {
  const fig = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(2));
  const counts = net.counts.length
    ? `<table><caption>Messages</caption><thead><tr><th>group</th><th class="num">sent</th><th class="num">delivered</th></tr></thead>
<tbody>${net.counts.map((c) => `<tr><td>${e(c.group)}</td><td class="num">${c.sends}</td><td class="num">${c.recvs}</td></tr>`).join('')}</tbody></table>`
    : '';
  const byType = net.byType.length
    ? `<table><caption>Messages sent, by type</caption><thead><tr><th>type</th><th class="num">between servers</th><th class="num">with clients</th></tr></thead>
<tbody>${net.byType.map((t) => `<tr><td>${e(t.type)}</td><td class="num">${t.servers}</td><td class="num">${t.clients}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<p>msgs-per-op: <b>${fig(net.allMsgsPerOp)}</b> (all), <b>${fig(net.serversMsgsPerOp)}</b> (servers: between nodes and services, what the challenges bound).</p>
${counts}
${byType}
${net.pairs ? pairsHtml(net.pairs) : '<p class="note">No message journal: no breakdown by type or node pair.</p>'}`;
}

function pairsHtml(pairs: NonNullable<NetSection['pairs']>): string {
  const max = Math.max(1, ...pairs.counts.flat());
  const cell = (n: number) =>
    `<td style="background: rgba(31, 119, 180, ${n === 0 ? 0 : (0.08 + (0.6 * n) / max).toFixed(2)})">${n || ''}</td>`;
  return `<table class="matrix"><caption>Messages sent, by node pair (row: from, column: to)</caption>
<thead><tr><th></th>${pairs.ids.map((id) => `<th>${e(id)}</th>`).join('')}</tr></thead>
<tbody>${pairs.counts.map((row, i) => `<tr><th>${e(pairs.ids[i])}</th>${row.map(cell).join('')}</tr>`).join('\n')}</tbody></table>`;
}

function messagesHtml(model: ReportModel): string {
  if ('missing' in model.messages) {
    const svg = model.facts.files.includes('messages.svg')
      ? ` Open <a href="messages.svg">messages.svg</a>${model.facts.files.includes('timeline.html') ? ' or <a href="timeline.html">timeline.html</a>' : ''}.`
      : '';
    return `<p class="note">${e(model.messages.missing)}${svg}</p>`;
  }
  return `<p class="note">Time flows down; one column per node (every client in "clients"). Wheel: scroll in time; ctrl/⌘ + wheel: zoom; drag: pan; hover an arrow for its message. Red crosses: messages never delivered (dropped by a partition). Only the window in view is drawn.</p>
<div id="diagram"></div>`;
}

function factsHtml(facts: RunFacts): string {
  const rows: [string, string][] = [
    ['engine', e(String(facts.engine))],
    ['workload', e(facts.workload ?? '-')],
    ['command line', facts.commandLine ? `<code>${e(facts.commandLine)}</code>` : '-'],
    ['seed', facts.seed === undefined ? '- (not recorded)' : String(facts.seed)],
    ['wall time', facts.wallTimeS === undefined ? '-' : `${facts.wallTimeS.toFixed(1)} s`],
    [
      'virtual time',
      facts.virtualTimeS === undefined ? '- (real time run)' : `${facts.virtualTimeS.toFixed(1)} s`,
    ],
    ['started', e(facts.started ?? '-')],
    ['folder', `<code>${e(facts.folder)}</code>`],
  ];
  if (facts.crash) rows.push(['crash', `<code>${e(facts.crash)}</code>`]);
  const links = (files: readonly string[]) =>
    files.length ? files.map((f) => `<a href="${href(f)}">${e(f)}</a>`).join(' · ') : '-';
  rows.push(['node logs', links(facts.nodeLogs)], ['files', links(facts.files)]);
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`).join('\n')}</tbody></table>`;
}
