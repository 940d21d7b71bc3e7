import { select } from 'd3';
import type { CycleGraph } from '../model';

const EDGE_COLORS: Record<string, string> = {
  wr: '#1f77b4',
  ww: '#2ca02c',
  rw: '#d62728',
  realtime: '#7f7f7f',
};

/**
 * One Elle cycle as a small graph: transactions on a circle, an arrow per dependency named by its kind (wr, ww, rw,
 * realtime, process), and Elle's sentence for each edge in the list below.
 */
export function drawCycle(target: HTMLElement, graph: CycleGraph): void {
  const n = graph.nodes.length;
  const radius = n <= 2 ? 70 : 55 + 18 * n;
  const size = 2 * radius + 160;
  const centre = size / 2;
  const position = new Map(
    graph.nodes.map((node, i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      return [node.id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) }];
    }),
  );
  const svg = select(target).append('svg').attr('class', 'cycle').attr('width', size).attr('height', size);
  const defs = svg.append('defs');
  for (const [kind, color] of Object.entries({ ...EDGE_COLORS, other: '#9467bd' }))
    defs
      .append('marker')
      .attr('id', `cycle-arrow-${kind}`)
      .attr('viewBox', '0 -5 10 10')
      .attr('refX', 24)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-5L10,0L0,5')
      .attr('fill', color);
  const edges = svg
    .append('g')
    .selectAll('g')
    .data(graph.edges)
    .join('g')
    .attr('class', (e) => `edge edge-${e.kind}`);
  const color = (kind: string) => EDGE_COLORS[kind] ?? '#9467bd';
  edges
    .append('path')
    .attr('d', (e) => {
      const a = position.get(e.from) ?? { x: 0, y: 0 };
      const b = position.get(e.to) ?? { x: 0, y: 0 };
      // Curved, so the two edges of a two-transaction cycle do not overlap.
      const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.25;
      const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.25;
      return `M${a.x},${a.y}Q${mx},${my} ${b.x},${b.y}`;
    })
    .attr('fill', 'none')
    .attr('stroke', (e) => color(e.kind))
    .attr('stroke-width', 2)
    .attr('marker-end', (e) => `url(#cycle-arrow-${e.kind in EDGE_COLORS ? e.kind : 'other'})`);
  edges
    .append('text')
    .attr('x', (e) => labelPoint(position.get(e.from), position.get(e.to)).x)
    .attr('y', (e) => labelPoint(position.get(e.from), position.get(e.to)).y)
    .attr('fill', (e) => color(e.kind))
    .attr('text-anchor', (e) =>
      labelPoint(position.get(e.from), position.get(e.to)).x < centre ? 'end' : 'start',
    )
    .text((e) => e.tag);
  const nodes = svg.append('g').selectAll('g').data(graph.nodes).join('g').attr('class', 'txn');
  nodes
    .append('circle')
    .attr('cx', (d) => position.get(d.id)?.x ?? 0)
    .attr('cy', (d) => position.get(d.id)?.y ?? 0)
    .attr('r', 18);
  nodes
    .append('text')
    .attr('x', (d) => position.get(d.id)?.x ?? 0)
    .attr('y', (d) => (position.get(d.id)?.y ?? 0) + 4)
    .attr('text-anchor', 'middle')
    .text((d) => d.id);
  nodes.append('title').text((d) => d.label);
  const list = select(target).append('ul').attr('class', 'cycle-steps');
  list
    .selectAll('li.txn-label')
    .data(graph.nodes)
    .join('li')
    .attr('class', 'txn-label')
    .text((d) => d.label);
  list
    .selectAll('li.step')
    .data(graph.edges)
    .join('li')
    .attr('class', 'step')
    .text((e) => e.label);
}

function labelPoint(a: { x: number; y: number } | undefined, b: { x: number; y: number } | undefined) {
  if (!a || !b) return { x: 0, y: 0 };
  return { x: (a.x + b.x) / 2 + (b.y - a.y) * 0.2, y: (a.y + b.y) / 2 - (b.x - a.x) * 0.2 };
}
