import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { JournalReader, type Journal } from './journal';

/** The workerData key that says a thread is a journal digester. */
const ROLE = 'glomers-journal-digest';

type Request = string | { readonly end: number | null };

/**
 * Digests messages.jsonl on a second thread while a run writes it. Reading the file back after the run took a
 * quarter of a sim run's wall time (0.4–0.5 s of 2 s on the txn rows); fed each written piece, the thread is done
 * when the run's analysis is, on a core the single-threaded run leaves idle.
 *
 * The file stays the record: this is only a faster way to the report's view of it (JournalReader, the same code
 * `readJournal` runs), and a thread that fails gives `undefined`, so the report reads the file instead.
 */
export class JournalDigestThread {
  private readonly worker: Worker;
  private readonly result: Promise<Journal | undefined>;

  /** `script`: the thread's bundled entry (src/journal-digest-main.ts), which calls `serveJournalDigest`. */
  constructor(script: string) {
    this.worker = new Worker(script, { workerData: { [ROLE]: true } });
    // Only a pending `digest` keeps the process alive for the thread.
    this.worker.unref();
    this.result = new Promise((resolve) => {
      this.worker.once('message', (journal: Journal) => resolve(journal));
      this.worker.once('error', () => resolve(undefined));
      this.worker.once('exit', () => resolve(undefined));
    });
  }

  /** The next piece of the file's text. */
  add(text: string): void {
    this.worker.postMessage(text satisfies Request);
  }

  /** The digest of everything added, on the history's clock (see `firstInvokeNs`); undefined if the thread failed. */
  async digest(firstInvokeNs: number | undefined): Promise<Journal | undefined> {
    this.worker.ref();
    this.worker.postMessage({ end: firstInvokeNs ?? null } satisfies Request);
    const journal = await this.result;
    // Not awaited: the thread's exit is of no use to the caller (it took 50–90 ms).
    void this.worker.terminate();
    return journal;
  }
}

/** The thread's side: in a thread started by JournalDigestThread it serves the digest and returns true; anywhere else it does nothing. */
export function serveJournalDigest(): boolean {
  const port = parentPort;
  if (isMainThread || port === null || (workerData as Record<string, unknown> | null)?.[ROLE] !== true)
    return false;
  // Lowest priority, for this thread only (on Linux a thread has its own niceness; elsewhere it would be the whole
  // process's): on two cores the run's thread, its GC helpers and this one contend, and the run must win. The
  // digest is still done by the time the run's analysis is (measured: a 6a sim phase 0.93 → 0.90 s).
  if (process.platform === 'linux') setPriority(19);
  const reader = new JournalReader();
  port.on('message', (request: Request) => {
    if (typeof request === 'string') reader.addText(request);
    else port.postMessage(reader.digest(request.end ?? undefined));
  });
  return true;
}
