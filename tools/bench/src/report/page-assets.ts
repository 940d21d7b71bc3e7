import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The report page's script and style: uPlot, the d3 modules it uses and the page code, bundled and minified. */
export interface PageAssets {
  readonly script: string;
  readonly style: string;
}

// Set by build.js when it bundles the CLI, so a built bench carries the page inside it.
declare const REPORT_PAGE_SCRIPT: string | undefined;
declare const REPORT_PAGE_STYLE: string | undefined;

let built: PageAssets | undefined;

export function pageAssets(): PageAssets {
  if (typeof REPORT_PAGE_SCRIPT === 'string' && typeof REPORT_PAGE_STYLE === 'string')
    return { script: REPORT_PAGE_SCRIPT, style: REPORT_PAGE_STYLE };
  // Running from sources (tests): bundle the page now, as build.js would.
  built ??= (
    createRequire(__filename)(join(__dirname, '..', '..', 'build.js')) as { buildReportPage(): PageAssets }
  ).buildReportPage();
  return built;
}
