import type { MessageTable, PageData } from '../model';
import { DATA_ID, MESSAGES_ID } from '../page-ids';

export function readPageData(): PageData {
  const text = document.getElementById(DATA_ID)?.textContent ?? 'null';
  return JSON.parse(text) as PageData;
}

/** Inflates the gzipped, base64 journal with the browser's own DecompressionStream: no library, no network. */
export async function readMessages(): Promise<MessageTable | undefined> {
  const base64 = document.getElementById(MESSAGES_ID)?.textContent?.trim();
  if (!base64) return undefined;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as MessageTable;
}
