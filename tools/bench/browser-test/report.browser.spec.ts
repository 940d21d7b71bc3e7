/**
 * report.html in a real browser (the system Chromium through playwright-core): what a reader of a passing and of a
 * failing run sees. Runs on its own: `npx nx run bench:test-browser`.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Op } from '../src/lib/history';
import { writeReport } from '../src/report/write-report';
import { runBench, type Run } from '../test/bench-harness';
import { openBrowser, openReport, type Browser } from './chromium';

interface JournalEvent {
  type: 'send' | 'recv';
  time: number;
  message: { id: number; src: string; dest: string; body: { type?: string } };
}

function journal(dir: string): JournalEvent[] {
  return readFileSync(join(dir, 'messages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as JournalEvent);
}

/** What the latency chart plots: the points of each "f outcome (n)" series (quantile lines left out). */
async function plottedPoints(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Chart = { series: { label?: unknown }[]; data: (number | null | undefined)[][] };
    const chart = (window as unknown as { glomersReport: { latency?: Chart } }).glomersReport.latency;
    if (!chart) return 0;
    return chart.series
      .map((s, i) => (/\(\d+\)$/.test(String(s.label)) ? chart.data[i].filter((v) => v != null).length : 0))
      .reduce((a, b) => a + b, 0);
  });
}

const drawnIds = (page: Page) =>
  page.$$eval('#diagram path.msg', (lines) => lines.map((l) => Number(l.getAttribute('data-id'))));

/** Message ids whose arrow crosses [startMs, endMs] on the history's clock, worked out from the files alone. */
function expectedInWindow(events: JournalEvent[], history: Op[], startMs: number, endMs: number): number[] {
  const sends = events.filter((e) => e.type === 'send');
  const recv = new Map(events.filter((e) => e.type === 'recv').map((e) => [e.message.id, e.time]));
  const firstRequest = sends.find(
    (e) => e.message.src.startsWith('c') && !['init', 'topology'].includes(e.message.body.type ?? ''),
  );
  const firstInvoke = history.find((op) => op.type === 'invoke' && op.process !== 'nemesis');
  const offset = (firstRequest?.time ?? 0) - (firstInvoke?.time ?? 0);
  const ms = (ns: number) => (ns - offset) / 1e6;
  return sends
    .filter((e) => {
      const delivered = recv.get(e.message.id);
      return delivered === undefined
        ? ms(e.time) >= startMs && ms(e.time) <= endMs
        : ms(e.time) <= endMs && ms(delivered) >= startMs;
    })
    .map((e) => e.message.id)
    .sort((a, b) => a - b);
}

const invocations = (history: readonly Op[]) =>
  history.filter((op) => op.type === 'invoke' && op.process !== 'nemesis').length;

describe('report.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a passing run (echo)', () => {
    let run: Run;
    let dir: string;
    beforeAll(async () => {
      run = await runBench('echo-good.js', [
        '-w',
        'echo',
        '--node-count',
        '1',
        '--time-limit',
        '3',
        '--seed',
        '4',
      ]);
      if (!run.dir) throw new Error(`the run made no store folder:\n${run.output}`);
      dir = run.dir;
    });

    it('shows the verdict, no failing check, a point per op, and no console error', async () => {
      const { page, errors } = await openReport(browser, join(dir, 'report.html'));
      expect(await page.textContent('#verdict')).toBe('valid');
      expect(await page.locator('.failure').count()).toBe(0);
      expect(await page.textContent('#failures')).toContain('Every check passed.');
      expect(await plottedPoints(page)).toBe(invocations(run.history));
      expect(errors).toEqual([]);
    });

    it('draws every message when the window spans the run, and exactly the window’s messages when narrowed', async () => {
      const events = journal(dir);
      const { page, errors } = await openReport(browser, join(dir, 'report.html'), '#window=-100000-100000');
      const sends = events.filter((e) => e.type === 'send').map((e) => e.message.id);
      expect((await drawnIds(page)).sort((a, b) => a - b)).toEqual(sends.sort((a, b) => a - b));

      await page.fill('.diagram-controls input >> nth=0', '500');
      await page.fill('.diagram-controls input >> nth=1', '1500');
      await page.press('.diagram-controls input >> nth=1', 'Enter');
      const expected = expectedInWindow(events, run.history, 500, 1500);
      await page.waitForSelector('.diagram-status[data-window="500-1500"]');
      expect(expected.length).toBeGreaterThan(0);
      expect(await page.getAttribute('.diagram-status', 'data-shown')).toBe(String(expected.length));
      expect((await drawnIds(page)).sort((a, b) => a - b)).toEqual(expected);
      expect(errors).toEqual([]);
    });
  });

  describe('a failing run (broadcast without retries, under partitions)', () => {
    let run: Run;
    let dir: string;
    beforeAll(async () => {
      run = await runBench('broadcast-no-retry.js', [
        ...['-w', 'broadcast', '--node-count', '5', '--time-limit', '4', '--rate', '20'],
        ...['--nemesis', 'partition', '--nemesis-interval', '1', '--seed', '5'],
      ]);
      if (!run.dir) throw new Error(`the run made no store folder:\n${run.output}`);
      dir = run.dir;
    });

    it('says INVALID and explains the lost values, each with where it was last seen', async () => {
      const lost = (run.results?.['workload'] as { lost?: number[] } | undefined)?.lost ?? [];
      expect(run.results?.['valid?']).toBe(false);
      const { page, errors } = await openReport(browser, join(dir, 'report.html'));
      expect(await page.textContent('#verdict')).toBe('INVALID');
      const headline = await page.textContent('.failure[data-check="workload"] h3');
      expect(headline).toContain(
        `workload: ${lost.length} broadcast value${lost.length === 1 ? '' : 's'} lost`,
      );
      const rows = page.locator('.failure[data-check="workload"] table').first().locator('tbody tr');
      expect(await rows.count()).toBe(Math.min(lost.length, 50));
      expect(await rows.first().locator('td').first().textContent()).toBe(String(lost[0]));
      expect(await plottedPoints(page)).toBe(invocations(run.history));
      expect(errors).toEqual([]);
    });

    it('draws the messages a partition dropped as dropped', async () => {
      const events = journal(dir);
      const delivered = new Set(events.filter((e) => e.type === 'recv').map((e) => e.message.id));
      const dropped = events
        .filter((e) => e.type === 'send' && !delivered.has(e.message.id))
        .map((e) => e.message.id);
      expect(dropped.length).toBeGreaterThan(0);
      const { page, errors } = await openReport(browser, join(dir, 'report.html'), '#window=-100000-100000');
      const drawnDropped = await page.$$eval('#diagram path.msg.dropped', (lines) =>
        lines.map((l) => Number(l.getAttribute('data-id'))),
      );
      expect(drawnDropped.sort((a, b) => a - b)).toEqual(dropped.sort((a, b) => a - b));
      expect(errors).toEqual([]);
    });
  });

  it('shows what a real Maelstrom store folder holds (EDN results and history, no journal)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maelstrom-folder-'));
    cpSync(join(__dirname, '..', 'test', 'fixtures', 'maelstrom-store', 'broadcast-no-gossip'), dir, {
      recursive: true,
    });
    const { model } = await writeReport(dir);
    const { page, errors } = await openReport(browser, join(dir, 'report.html'));
    expect(await page.textContent('#verdict')).toBe('INVALID');
    expect(await page.textContent('.failure h3')).toMatch(/^workload: 20 broadcast values lost/);
    expect(await plottedPoints(page)).toBe(model.ops.invocations);
    expect(await page.textContent('#messages')).toContain('net-journal');
    expect(errors).toEqual([]);
  });
});
