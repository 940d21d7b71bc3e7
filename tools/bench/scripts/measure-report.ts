/**
 * How a report.html behaves in Chromium: its size, first paint, time until the charts and diagram are drawn, and
 * how long the diagram takes to redraw after a wheel step (pan) and a ctrl+wheel step (zoom), for a short window and
 * for a window spanning the whole run. Figures only, for the README; no pass/fail.
 * Usage: node tools/scripts/run-ts.mjs tools/bench/scripts/measure-report.ts <report.html> [repeats]
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBrowser, openReport } from '../browser-test/chromium';

const [file, repeatsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: measure-report.ts <report.html> [repeats]');
  process.exit(2);
}
const repeats = Number(repeatsArg ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const path = resolve(file);
  const browser = await openBrowser();
  const paint: number[] = [];
  const ready: number[] = [];
  const redraw: Record<string, number[]> = {};
  try {
    for (let i = 0; i < repeats; i++) {
      const started = Date.now();
      const { page } = await openReport(browser, path);
      ready.push(Date.now() - started);
      paint.push(
        await page.evaluate(
          () =>
            performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')
              ?.startTime ?? NaN,
        ),
      );
      for (const [name, window] of [
        ['1 s window', '0-1000'],
        ['whole run', '-2000-40000'],
      ] as const) {
        await page.evaluate((hash) => {
          const [from, to] = hash.split(/-(?=\d)/).map(Number);
          (
            window as unknown as { glomersReport: { diagram: { setWindow(a: number, b: number): void } } }
          ).glomersReport.diagram.setWindow(from, to);
        }, window);
        for (const [step, ctrlKey] of [
          ['pan', false],
          ['zoom', true],
        ] as const) {
          const ms = await page.evaluate(async (ctrl) => {
            const svg = document.querySelector('svg.spacetime');
            if (!svg) return NaN;
            const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));
            await frame();
            const t0 = performance.now();
            svg.dispatchEvent(
              new WheelEvent('wheel', { deltaY: 120, ctrlKey: ctrl, bubbles: true, cancelable: true }),
            );
            await frame();
            await frame();
            return performance.now() - t0;
          }, ctrlKey);
          (redraw[`${step}, ${name}`] ??= []).push(ms);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`report: ${path} (${(statSync(path).size / 1024).toFixed(0)} kB)`);
  console.log(
    `first contentful paint: median ${median(paint).toFixed(0)} ms (${paint.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(`charts and diagram drawn (page load incl. navigation): median ${median(ready)} ms`);
  for (const [name, ms] of Object.entries(redraw))
    console.log(
      `diagram redraw after ${name}: median ${median(ms).toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')})`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
