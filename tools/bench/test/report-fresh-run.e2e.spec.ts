import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Op } from '../src/lib/history';
import { firstInvokeNs, readJournal } from '../src/report/journal';
import { JournalDigestThread } from '../src/report/journal-digest-thread';
import { buildNode, REPO_ROOT } from './bench-harness';

const BENCH = join(REPO_ROOT, 'tools/bench/bin/glomers-bench.js');
const DIGEST_SCRIPT = join(REPO_ROOT, 'dist/tools/bench/journal-digest.js');

function bench(cwd: string, args: readonly string[]) {
  return spawnSync('node', [BENCH, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

jest.setTimeout(180_000);

/**
 * A run writes its report from what it still holds (the history in memory, the journal digested on a thread while
 * it was written); `glomers-bench report` builds it from the folder's files. Both must be the same page.
 */
describe('the report a run writes', () => {
  let dir: string;

  beforeAll(() => {
    const cwd = mkdtempSync(join(tmpdir(), 'glomers-fresh-report-'));
    const node = buildNode('apps/txn-6c/src/main.ts');
    const row = ['-w', 'txn-rw-register', '--node-count', '2', '--concurrency', '2n', '--time-limit', '3'];
    const options = ['--rate', '200', '--consistency-models', 'read-committed', '--nemesis', 'partition'];
    const run = bench(cwd, ['test', '--bin', node, ...row, ...options, '--engine', 'sim', '--seed', '3']);
    expect(run.stdout).toContain('Everything looks good!');
    dir = realpathSync(join(cwd, 'store', 'latest'));
  });

  it('is the report built again from its folder, byte for byte', () => {
    const written = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(written).toContain('id="report-messages">H4sI');
    expect(bench(dir, ['report', dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(written);
  });

  it("has its journal digested on the bundle's thread as readJournal reads the file", async () => {
    const file = join(dir, 'messages.jsonl');
    const text = readFileSync(file, 'utf8');
    const history = readFileSync(join(dir, 'history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Op);
    const thread = new JournalDigestThread(DIGEST_SCRIPT);
    for (let at = 0; at < text.length; at += 65_536) thread.add(text.slice(at, at + 65_536));
    const digested = await thread.digest(firstInvokeNs(history));
    expect(digested).toBeDefined();
    expect(digested).toEqual(await readJournal(file, history));
  });

  it('falls back to nothing, not a hang, when the thread cannot start', async () => {
    const thread = new JournalDigestThread(join(tmpdir(), 'no-such-journal-digest.js'));
    thread.add('{}\n');
    await expect(thread.digest(0)).resolves.toBeUndefined();
  });
});
