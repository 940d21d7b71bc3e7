import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildReportModel } from './build-model';
import type { ReportModel } from './model';
import { pageAssets } from './page-assets';
import { renderReportHtml } from './render-page';
import { readRunFolder, REPORT_FILE } from './run-folder';

export interface WrittenReport {
  readonly path: string;
  readonly bytes: number;
  readonly model: ReportModel;
}

/** Builds report.html for a run folder of any engine (bench, sim, Maelstrom) and writes it into that folder. */
export async function writeReport(dir: string): Promise<WrittenReport> {
  const model = await buildReportModel(readRunFolder(dir));
  const messages =
    'missing' in model.messages ? undefined : gzipSync(JSON.stringify(model.messages)).toString('base64');
  const path = join(dir, REPORT_FILE);
  // Written whole, then renamed: a reader never opens half a report.
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, renderReportHtml(model, pageAssets(), messages));
  renameSync(temp, path);
  return { path, bytes: statSync(path).size, model };
}
