import 'uplot/dist/uPlot.min.css';
import './report.css';
import type uPlot from 'uplot';
import { drawCycle } from './cycle-graph';
import { readMessages, readPageData } from './data';
import { latencyChart } from './latency-chart';
import { rateChart } from './rate-chart';
import { spaceTimeDiagram, type Diagram } from './spacetime';

/** What the page built, for a reader's console (and the browser tests). */
interface ReportHandles {
  latency?: uPlot;
  rate?: uPlot;
  diagram?: Diagram;
  ready: boolean;
}

declare global {
  interface Window {
    glomersReport: ReportHandles;
  }
}

const DEFAULT_WINDOW_MS = 1000;

async function main(): Promise<void> {
  const handles: ReportHandles = { ready: false };
  window.glomersReport = handles;
  const data = readPageData();
  const latencyTarget = document.getElementById('latency-chart');
  const rateTarget = document.getElementById('rate-chart');
  let pick: (ms: number) => void = () => undefined;
  if (latencyTarget && data.ops.invokeMs.length > 0)
    handles.latency = latencyChart(latencyTarget, data.ops, data.partitions, (ms) => pick(ms));
  if (rateTarget && data.ops.invokeMs.length > 0)
    handles.rate = rateChart(rateTarget, data.ops, data.partitions);
  document.querySelectorAll<HTMLElement>('[data-cycle]').forEach((target) => {
    const [failure, cycle] = (target.dataset['cycle'] ?? '').split('.').map(Number);
    const graph = data.failures[failure]?.cycles[cycle];
    if (graph) drawCycle(target, graph);
  });
  const diagramTarget = document.getElementById('diagram');
  const messages = await readMessages();
  if (diagramTarget && messages) {
    const requested = /#window=(-?[\d.]+)-(-?[\d.]+)/.exec(location.hash);
    const startMs = requested ? Number(requested[1]) : 0;
    const endMs = requested ? Number(requested[2]) : Math.min(DEFAULT_WINDOW_MS, Math.max(1, data.ops.endMs));
    handles.diagram = spaceTimeDiagram(diagramTarget, messages, {
      startMs,
      endMs,
      endpoints: new Set(messages.endpoints.map((_, i) => i)),
      types: new Set(messages.types.map((_, i) => i)),
    });
    pick = (ms) => {
      const { startMs: from, endMs: to } = handles.diagram?.window() ?? {
        startMs: 0,
        endMs: DEFAULT_WINDOW_MS,
      };
      const span = to - from;
      handles.diagram?.setWindow(ms - span / 2, ms + span / 2);
      diagramTarget.scrollIntoView({ behavior: 'smooth' });
    };
  }
  handles.ready = true;
  document.body.dataset['ready'] = 'true';
}

main().catch((error: unknown) => {
  const note = document.createElement('p');
  note.className = 'page-error';
  note.textContent = `The interactive parts of this report failed: ${String(error)}`;
  document.body.prepend(note);
  throw error;
});
