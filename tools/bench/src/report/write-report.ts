import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportModel } from './build-model';
import type { History } from '../lib/history';
import type { Journal } from './journal';
import type { ReportModel } from './model';
import { pageAssets } from './page-assets';
import { renderReportHtml } from './render-page';
import { readRunFolder, REPORT_FILE } from './run-folder';

export interface WrittenReport {
  readonly path: string;
  readonly bytes: number;
  readonly model: ReportModel;
}

/** What the run that just wrote a folder still holds of it, so its report need not read it back. */
export interface FreshRun {
  readonly history: History;
  /** messages.jsonl, digested while it was written (JournalDigestThread); when missing or failed, the file is read. */
  readonly journal: Promise<Journal | undefined> | undefined;
}

/** Builds report.html for a run folder of any engine (bench, sim, Maelstrom) and writes it into that folder. */
export async function writeReport(dir: string, fresh?: FreshRun): Promise<WrittenReport> {
  const model = await buildReportModel(readRunFolder(dir, fresh?.history), fresh?.journal);
  const path = join(dir, REPORT_FILE);
  // Written whole, then renamed: a reader never opens half a report.
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, renderReportHtml(model, pageAssets()));
  renameSync(temp, path);
  return { path, bytes: statSync(path).size, model };
}
