import { axisLeft, scaleLinear, scalePoint, schemeTableau10, select } from 'd3';
import { messagesInWindow } from '../message-window';
import type { MessageTable } from '../model';

/** More arrows than this in one window are not drawn (the status line says so): zoom in to see them. */
export const MAX_DRAWN = 4000;
const HEIGHT = 620;
const TOP = 46;
const LEFT = 64;
const HOVER_PX = 6;

export interface Diagram {
  setWindow(startMs: number, endMs: number): void;
  window(): { startMs: number; endMs: number };
}

interface View {
  startMs: number;
  endMs: number;
  endpoints: Set<number>;
  types: Set<number>;
}

/**
 * A Lamport (space-time) diagram, like Maelstrom's messages.svg but interactive: one column per node (clients in
 * one), time downwards, an arrow per message from its send to its delivery, undelivered messages ending in a cross.
 * Only the window in view is drawn. Wheel scrolls in time, ctrl/⌘+wheel zooms, dragging pans, hovering shows a
 * message, checkboxes filter nodes and types.
 */
export function spaceTimeDiagram(root: HTMLElement, table: MessageTable, initial: View): Diagram {
  const view: View = { ...initial };
  const controls = select(root).append('div').attr('class', 'diagram-controls');
  const fromInput = numberInput(controls, 'from (ms)');
  const toInput = numberInput(controls, 'to (ms)');
  const button = (label: string, title: string, action: () => void) =>
    controls.append('button').attr('type', 'button').attr('title', title).text(label).on('click', action);
  button('◀', 'earlier', () => pan(-0.5));
  button('▶', 'later', () => pan(0.5));
  button('zoom in', 'half the window', () => zoom(0.5, 0.5));
  button('zoom out', 'twice the window', () => zoom(2, 0.5));
  const status = controls.append('span').attr('class', 'diagram-status');
  const filters = select(root).append('div').attr('class', 'diagram-filters');
  checkboxes(filters, 'Nodes', table.endpoints, view.endpoints, render);
  checkboxes(
    filters,
    'Message types',
    table.types,
    view.types,
    render,
    (i) => schemeTableau10[i % schemeTableau10.length],
  );

  const width = Math.max(480, root.clientWidth);
  const svg = select(root)
    .append('svg')
    .attr('class', 'spacetime')
    .attr('width', width)
    .attr('height', HEIGHT);
  const defs = svg.append('defs');
  const columnsLayer = svg.append('g').attr('class', 'columns');
  const axisLayer = svg
    .append('g')
    .attr('class', 'time-axis')
    .attr('transform', `translate(${LEFT - 8},0)`);
  defs
    .append('clipPath')
    .attr('id', 'diagram-clip')
    .append('rect')
    .attr('x', 0)
    .attr('y', TOP - 4)
    .attr('width', width)
    .attr('height', HEIGHT - TOP + 4);
  const messagesLayer = svg.append('g').attr('class', 'messages').attr('clip-path', 'url(#diagram-clip)');
  const typeColor = (type: number) => schemeTableau10[type % schemeTableau10.length];
  const highlight = svg.append('line').attr('class', 'highlight');
  const tooltip = select(root).append('div').attr('class', 'diagram-tooltip').style('display', 'none');

  let drawn: { i: number; x1: number; y1: number; x2: number; y2: number }[] = [];
  let frame = 0;

  function render(): void {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  }

  function draw(): void {
    // A field the reader is typing in keeps what they typed (a redraw between two edits must not undo the first).
    for (const [input, ms] of [
      [fromInput, view.startMs],
      [toInput, view.endMs],
    ] as const)
      if (input.node() !== document.activeElement) input.property('value', round(ms));
    history.replaceState(null, '', `#window=${round(view.startMs)}-${round(view.endMs)}`);
    const columns = table.endpoints.map((_, i) => i).filter((i) => view.endpoints.has(i));
    const x = scalePoint<number>()
      .domain(columns)
      .range([LEFT + 30, width - 30]);
    const y = scaleLinear()
      .domain([view.startMs, view.endMs])
      .range([TOP, HEIGHT - 12]);
    columnsLayer
      .selectAll<SVGGElement, number>('g.column')
      .data(columns, (c) => c)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'column');
        g.append('line');
        g.append('text');
        return g;
      })
      .attr('transform', (c) => `translate(${x(c) ?? 0},0)`)
      .call((g) =>
        g
          .select('line')
          .attr('y1', TOP - 6)
          .attr('y2', HEIGHT),
      )
      .call((g) =>
        g
          .select('text')
          .attr('y', TOP - 12)
          .text((c) => table.endpoints[c]),
      );
    axisLayer.call(axisLeft(y).ticks(10));
    const all = messagesInWindow(table, view);
    const shown = all.slice(0, MAX_DRAWN);
    drawn = shown.map((i) => {
      const x1 = x(table.src[i]) ?? 0;
      const y1 = y(table.sendMs[i]);
      const dest = x(table.dest[i]) ?? 0;
      const recv = table.recvMs[i];
      // Undelivered: a short stub towards the destination, ending in a cross, at about its send time.
      const x2 = recv !== null ? (dest === x1 ? x1 + 12 : dest) : x1 + (dest - x1) * 0.35;
      const y2 = recv !== null ? y(recv) : y1 + 8;
      return { i, x1, y1, x2, y2 };
    });
    // One path per message, its arrowhead (or cross) drawn in the same path: SVG markers cost more than the lines.
    // Not keyed: a pan or zoom reuses the existing paths instead of replacing them (far fewer DOM changes).
    messagesLayer
      .selectAll<SVGPathElement, (typeof drawn)[number]>('path.msg')
      .data(drawn)
      .join('path')
      .attr('class', (d) => (table.recvMs[d.i] !== null ? 'msg' : 'msg dropped'))
      .attr('data-id', (d) => table.id[d.i])
      .attr('d', (d) => arrowPath(d, table.recvMs[d.i] !== null))
      .style('stroke', (d) => (table.recvMs[d.i] !== null ? typeColor(table.type[d.i]) : null));
    highlight.style('display', 'none');
    status
      .attr('data-window', `${round(view.startMs)}-${round(view.endMs)}`)
      .attr('data-shown', shown.length)
      .attr('data-in-window', all.length)
      .text(
        all.length > shown.length
          ? `${shown.length} of ${all.length} messages drawn (${round(view.startMs)}–${round(view.endMs)} ms): zoom in to see all`
          : `${all.length} messages between ${round(view.startMs)} and ${round(view.endMs)} ms`,
      );
  }

  function pan(fraction: number): void {
    const span = view.endMs - view.startMs;
    view.startMs += span * fraction;
    view.endMs += span * fraction;
    render();
  }

  function zoom(factor: number, anchor: number): void {
    const span = view.endMs - view.startMs;
    const at = view.startMs + span * anchor;
    const next = Math.max(0.01, span * factor);
    view.startMs = at - next * anchor;
    view.endMs = view.startMs + next;
    render();
  }

  fromInput.on('change', () => setWindow(Number(fromInput.property('value')), view.endMs));
  toInput.on('change', () => setWindow(view.startMs, Number(toInput.property('value'))));
  const node = svg.node() as SVGSVGElement;
  node.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const anchor = Math.min(1, Math.max(0, (event.offsetY - TOP) / (HEIGHT - TOP)));
      if (event.ctrlKey || event.metaKey) zoom(Math.exp(event.deltaY / 300), anchor);
      else pan(event.deltaY / (HEIGHT - TOP));
    },
    { passive: false },
  );
  let dragFrom: number | undefined;
  node.addEventListener('pointerdown', (event) => {
    dragFrom = event.clientY;
    node.setPointerCapture(event.pointerId);
  });
  node.addEventListener('pointerup', () => (dragFrom = undefined));
  node.addEventListener('pointermove', (event) => {
    if (dragFrom !== undefined) {
      pan((dragFrom - event.clientY) / (HEIGHT - TOP));
      dragFrom = event.clientY;
      return;
    }
    showNearest(event.offsetX, event.offsetY, event.clientX, event.clientY);
  });
  node.addEventListener('pointerleave', () => tooltip.style('display', 'none'));

  function showNearest(px: number, py: number, clientX: number, clientY: number): void {
    let best: (typeof drawn)[number] | undefined;
    let bestDistance = HOVER_PX;
    for (const d of drawn) {
      const distance = segmentDistance(px, py, d);
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    if (!best) {
      tooltip.style('display', 'none');
      highlight.style('display', 'none');
      return;
    }
    const i = best.i;
    highlight
      .style('display', null)
      .attr('x1', best.x1)
      .attr('y1', best.y1)
      .attr('x2', best.x2)
      .attr('y2', best.y2);
    const recv = table.recvMs[i];
    const box = root.getBoundingClientRect();
    tooltip
      .style('display', null)
      .style('left', `${clientX - box.left + 14}px`)
      .style('top', `${clientY - box.top + 14}px`)
      .text(
        `#${table.id[i]} ${table.names[table.srcName[i]]} → ${table.names[table.destName[i]]}  ${table.types[table.type[i]]}\n` +
          `sent ${round(table.sendMs[i])} ms, ` +
          (recv !== null
            ? `delivered ${round(recv)} ms (${round(recv - table.sendMs[i])} ms in flight)`
            : 'never delivered (dropped by a partition, or in flight at the end)') +
          `\n${table.body[i]}`,
      );
  }

  function setWindow(startMs: number, endMs: number): void {
    if (!(endMs > startMs)) return;
    view.startMs = startMs;
    view.endMs = endMs;
    render();
  }

  draw();
  return { setWindow, window: () => ({ startMs: view.startMs, endMs: view.endMs }) };
}

type Selection = ReturnType<typeof select<HTMLDivElement, unknown>>;

function numberInput(parent: Selection, label: string) {
  const wrap = parent.append('label').text(`${label} `);
  return wrap.append('input').attr('type', 'number').attr('step', 'any').attr('size', 9);
}

function checkboxes(
  parent: Selection,
  title: string,
  names: readonly string[],
  selected: Set<number>,
  changed: () => void,
  color?: (i: number) => string,
): void {
  const details = parent.append('details');
  details.append('summary').text(title);
  names.forEach((name, i) => {
    const label = details.append('label');
    label
      .append('input')
      .attr('type', 'checkbox')
      .attr('data-name', name)
      .property('checked', selected.has(i))
      .on('change', (event: Event) => {
        if ((event.target as HTMLInputElement).checked) selected.add(i);
        else selected.delete(i);
        changed();
      });
    label
      .append('span')
      .style('color', color ? color(i) : 'inherit')
      .text(name);
  });
}

/** A line from (x1, y1) to (x2, y2) ending in an arrowhead, or in a cross for a message never delivered. */
function arrowPath(s: { x1: number; y1: number; x2: number; y2: number }, delivered: boolean): string {
  const line = `M${s.x1.toFixed(1)},${s.y1.toFixed(1)}L${s.x2.toFixed(1)},${s.y2.toFixed(1)}`;
  if (!delivered) return `${line}M${s.x2 - 3},${s.y2 - 3}l6,6m0,-6l-6,6`;
  const length = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
  const ux = (s.x2 - s.x1) / length;
  const uy = (s.y2 - s.y1) / length;
  const back = (side: number) =>
    `${(s.x2 - 7 * ux + side * 3 * uy).toFixed(1)},${(s.y2 - 7 * uy - side * 3 * ux).toFixed(1)}`;
  return `${line}M${back(1)}L${s.x2.toFixed(1)},${s.y2.toFixed(1)}L${back(-1)}`;
}

function segmentDistance(
  px: number,
  py: number,
  s: { x1: number; y1: number; x2: number; y2: number },
): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / length2));
  return Math.hypot(px - (s.x1 + t * dx), py - (s.y1 + t * dy));
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
