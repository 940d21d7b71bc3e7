import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { MessageTable, PageData } from '../src/report/model';
import { DATA_ID, MESSAGES_ID } from '../src/report/page-ids';
import { writeReport } from '../src/report/write-report';

const MAELSTROM_FOLDER = join(__dirname, 'fixtures', 'maelstrom-store', 'broadcast-no-gossip');

function embedded(html: string, id: string): string {
  const match = new RegExp(`<script[^>]* id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (!match) throw new Error(`no #${id} in the page`);
  return match[1];
}

describe('writeReport', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a real Maelstrom store folder: EDN results and history, its command line, no journal', async () => {
    cpSync(MAELSTROM_FOLDER, dir, { recursive: true });
    const { model, path } = await writeReport(dir);
    expect(model.verdict).toBe(false);
    expect(model.facts.engine).toBe('maelstrom');
    expect(model.facts.commandLine).toMatch(
      /^maelstrom test -w broadcast --bin \S+ --node-count 5 --time-limit 5 --rate 10$/,
    );
    expect(model.failures.map((f) => f.headline)).toEqual([
      expect.stringMatching(/^workload: 20 broadcast values lost \(0, /),
    ]);
    const history = readFileSync(join(dir, 'history.edn'), 'utf8');
    const invokes = history.split('\n').filter((l) => l.includes(':type :invoke')).length;
    expect(model.ops.invocations).toBe(invokes);
    expect(model.ops.latencyMs).toHaveLength(invokes);
    expect('missing' in model.messages).toBe(true);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<span class="verdict verdict-invalid" id="verdict">INVALID</span>');
    expect(embedded(html, MESSAGES_ID)).toBe('');
  });

  it('reads a bench folder: the journal on the history clock, gzipped into the page', async () => {
    mkdirSync(join(dir, 'node-logs'));
    writeFileSync(join(dir, 'node-logs', 'n0.log'), '');
    writeFileSync(
      join(dir, 'bench.json'),
      JSON.stringify({ seed: 42, engine: 'sim', 'virtual-time-s': 12.5 }),
    );
    writeFileSync(
      join(dir, 'results.json'),
      JSON.stringify({ workload: { 'valid?': true }, 'valid?': true }),
    );
    const history = [
      { index: 0, time: 0, process: 0, type: 'invoke', f: 'echo', value: 'a' },
      { index: 1, time: 2e6, process: 0, type: 'ok', f: 'echo', value: 'a' },
    ];
    writeFileSync(join(dir, 'history.jsonl'), history.map((op) => JSON.stringify(op)).join('\n') + '\n');
    // Journal time zero is 1 s before the history's: init at 0.5 s, the echo request at 1 s.
    const message = (id: number, src: string, dest: string, body: object) => ({ id, src, dest, body });
    const events = [
      { type: 'send', time: 0.5e9, message: message(0, 'c0', 'n0', { type: 'init', msg_id: 1 }) },
      { type: 'recv', time: 0.5e9, message: message(0, 'c0', 'n0', { type: 'init', msg_id: 1 }) },
      { type: 'send', time: 1e9, message: message(1, 'c1', 'n0', { type: 'echo', echo: 'a', msg_id: 1 }) },
      { type: 'recv', time: 1e9, message: message(1, 'c1', 'n0', { type: 'echo', echo: 'a', msg_id: 1 }) },
      { type: 'send', time: 1.002e9, message: message(2, 'n0', 'c1', { type: 'echo_ok', in_reply_to: 1 }) },
    ];
    writeFileSync(join(dir, 'messages.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');

    const { model, path } = await writeReport(dir);
    expect(model.verdict).toBe(true);
    expect(model.facts).toMatchObject({
      engine: 'sim',
      seed: 42,
      virtualTimeS: 12.5,
      nodeLogs: ['node-logs/n0.log'],
    });
    const html = readFileSync(path, 'utf8');
    const data = JSON.parse(embedded(html, DATA_ID)) as PageData;
    expect(data.ops.latencyMs).toEqual([2]);
    const table = JSON.parse(
      gunzipSync(Buffer.from(embedded(html, MESSAGES_ID), 'base64')).toString(),
    ) as MessageTable;
    expect(table.endpoints).toEqual(['clients', 'n0']);
    expect(table.sendMs).toEqual([-500, 0, 2]);
    expect(table.recvMs).toEqual([-500, 0, null]);
    expect(table.type.map((t) => table.types[t])).toEqual(['init', 'echo', 'echo_ok']);
  });
});
