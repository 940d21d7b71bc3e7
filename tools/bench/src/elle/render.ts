/**
 * Text (and SVG) explanations of anomalies, in Elle's words (elle/core.clj `render-cycle-explanation`,
 * `write-cycles!`): one `<type>.txt` per reportable cycle type, "Let: T1 = … Then: - T1 < T2, because …".
 */
import type { CycleCase } from './cycles';
import { edn, ednOp } from './edn';
import type { Step } from './explainer';

export type { Step };

/** One step of a cycle in Elle's words: why `a` comes before `b`. */
export function renderStep(step: Step, a: string, b: string): string {
  switch (step.type) {
    case 'wr':
      return `${a} wrote ${edn(step.key)} = ${edn(step.value)}, which was read by ${b}`;
    case 'ww':
      return `${a} set key ${edn(step.key)} to ${edn(step.value)}, and ${b} set it to ${edn(step["value'"])}, which came later in the version order`;
    case 'rw':
      return `${a} read key ${edn(step.key)} = ${edn(step.value)}, and ${b} set it to ${edn(step["value'"])}, which came later in the version order`;
    case 'realtime': {
      const dt = step.b.time - step["a'"].time;
      const when = dt > 0 ? ` ${(dt / 1e9).toFixed(3)} seconds` : ' just';
      return `${a} completed at index ${step["a'"].index},${when} before the invocation of ${b}, at index ${step.b.index}`;
    }
    case 'process':
      return `process ${step.process} executed ${a} before ${b}`;
  }
}

export function renderCycle(c: CycleCase): string {
  const names = c.cycle.slice(0, -1).map((_, i) => `T${i + 1}`);
  const binding = c.cycle
    .slice(0, -1)
    .map((op, i) => `  ${names[i]} = ${ednOp(op.op)}`)
    .join('\n');
  const lines = c.steps.map((step, i) => {
    const a = names[i % names.length];
    const b = names[(i + 1) % names.length];
    const text = `${a} < ${b}, because ${renderStep(step, a, b)}`;
    return i === c.steps.length - 1 ? `  - However, ${text}: a contradiction!` : `  - ${text}.\n`;
  });
  return `Let:\n${binding}\n\nThen:\n${lines.join('')}`;
}

/** The contents of Elle's `<type>.txt` for these cycles. */
export function renderCycleFile(cycles: readonly CycleCase[]): string {
  return cycles.map((c, i) => `${c.type} #${i}\n${renderCycle(c)}`).join('\n\n\n');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A small SVG of one cycle: txns on a circle, arrows labelled with each step's dependency. */
export function cycleSvg(c: CycleCase): string {
  const ops = c.cycle.slice(0, -1);
  const n = ops.length;
  const r = 60 + 30 * n;
  const size = 2 * r + 260;
  const cx = size / 2;
  const cy = size / 2;
  const at = (i: number): [number, number] => [
    cx + r * Math.cos((2 * Math.PI * i) / n - Math.PI / 2),
    cy + r * Math.sin((2 * Math.PI * i) / n - Math.PI / 2),
  ];
  const parts: string[] = [];
  c.steps.forEach((step, i) => {
    const [x1, y1] = at(i);
    const [x2, y2] = at((i + 1) % n);
    const label =
      step.type === 'wr' || step.type === 'ww' || step.type === 'rw'
        ? `${step.type} ${edn(step.key)}`
        : step.type;
    parts.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#444" marker-end="url(#arrow)"/>`,
      `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="12" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  });
  ops.forEach((op, i) => {
    const [x, y] = at(i);
    const color = op.type === 'ok' ? '#0058AD' : op.type === 'info' ? '#AC6E00' : '#A50053';
    const mops = op.txn.mops.map((m) => `${m[0]} ${edn(m[1])} ${edn(m[2])}`).join(', ');
    parts.push(
      `<circle cx="${x}" cy="${y}" r="22" fill="white" stroke="${color}"/>`,
      `<text x="${x}" y="${y + 4}" font-size="12" text-anchor="middle" fill="${color}">T${i + 1}</text>`,
      `<text x="${x}" y="${y + 38}" font-size="11" text-anchor="middle">${escapeXml(`#${op.index}: ${mops}`)}</text>`,
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="32" refY="5" markerWidth="8" markerHeight="8" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>` +
    `<text x="10" y="20" font-size="14">${escapeXml(c.type)}</text>${parts.join('')}</svg>\n`
  );
}
