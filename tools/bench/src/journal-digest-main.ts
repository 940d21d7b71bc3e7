// The entry of a run's journal digest thread (report/journal-digest-thread.ts), bundled on its own so the thread
// loads a few kilobytes, not the whole bench.
import { serveJournalDigest } from './report/journal-digest-thread';

serveJournalDigest();
