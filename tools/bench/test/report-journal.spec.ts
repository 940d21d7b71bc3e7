import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Op } from '../src/lib/history';
import {
  BODY_CHARS,
  firstInvokeNs,
  JournalReader,
  readJournal,
  type Journal,
  type JournalLine,
} from '../src/report/journal';
import type { MessageTable } from '../src/report/model';

type Event = JournalLine;

/** A small run's journal: init, a client request and its reply, a server-to-server message never delivered. */
function journalEvents(): Event[] {
  const message = (id: number, src: string, dest: string, body: object) => ({ id, src, dest, body });
  const init = message(0, 'c0', 'n0', { type: 'init', node_id: 'n0', node_ids: ['n0', 'n1'], msg_id: 1 });
  const init1 = message(1, 'c1', 'n1', { type: 'init', node_id: 'n1', node_ids: ['n0', 'n1'], msg_id: 1 });
  const txn = message(2, 'c2', 'n0', { type: 'txn', msg_id: 2, txn: [['w', 1, 'x'.repeat(BODY_CHARS)]] });
  const gossip = message(3, 'n0', 'n1', { msg_id: 7, type: 'gossip', note: 'type "quoted" \\ and ✓' });
  const kv = message(4, 'n0', 'lin-kv', { type: 'read', key: 'k', msg_id: 8 });
  const reply = message(5, 'n0', 'c2', { type: 'txn_ok', in_reply_to: 2, txn: [['w', 1, 'x']] });
  return [
    { type: 'send', time: 0, message: init },
    { type: 'send', time: 0, message: init1 },
    { type: 'recv', time: 0, message: init },
    { type: 'recv', time: 0, message: init1 },
    { type: 'send', time: 2_000_000, message: txn },
    { type: 'recv', time: 2_000_000, message: txn },
    { type: 'send', time: 2_500_000, message: gossip },
    { type: 'send', time: 2_600_000, message: kv },
    { type: 'recv', time: 2_700_000, message: kv },
    { type: 'send', time: 3_000_000, message: reply },
    { type: 'recv', time: 3_000_000, message: reply },
  ];
}

/** messages.jsonl as the bench writes it: one JSON.stringify per event. */
const benchText = (events: readonly Event[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

const history: Op[] = [
  { index: 0, time: 500_000, process: 0, type: 'invoke', f: 'txn', value: [['w', 1, 'x']] },
  { index: 1, time: 1_500_000, process: 0, type: 'ok', f: 'txn', value: [['w', 1, 'x']] },
];

function digestOf(pieces: readonly string[]): Journal {
  const reader = new JournalReader();
  for (const piece of pieces) reader.addText(piece);
  return reader.digest(firstInvokeNs(history));
}

const tableOf = (journal: Journal) =>
  JSON.parse(gunzipSync(Buffer.from(journal.messages.gzBase64, 'base64')).toString()) as MessageTable;

describe('JournalReader', () => {
  it("puts the journal on the history's clock, in the diagram's columns, with long bodies cut", () => {
    const journal = digestOf([benchText(journalEvents())]);
    const table = tableOf(journal);
    expect(journal.messages.count).toBe(6);
    expect(table.endpoints).toEqual(['clients', 'n0', 'n1', 'lin-kv']);
    expect(table.id).toEqual([0, 1, 2, 3, 4, 5]);
    // The first request (txn, at 2 ms) is the history's first invocation (at 0.5 ms).
    expect(table.sendMs).toEqual([-1.5, -1.5, 0.5, 1, 1.1, 1.5]);
    expect(table.recvMs).toEqual([-1.5, -1.5, 0.5, null, 1.2, 1.5]);
    expect(table.type.map((t) => table.types[t])).toEqual([
      'init',
      'init',
      'txn',
      'gossip',
      'read',
      'txn_ok',
    ]);
    expect(table.body[2]).toHaveLength(BODY_CHARS + 1);
    expect(table.body[2].endsWith('…')).toBe(true);
    expect(table.body[3]).toBe(JSON.stringify(journalEvents()[6].message.body));
    expect(journal.byType.find((row) => row.type === 'gossip')).toEqual({
      type: 'gossip',
      servers: 1,
      clients: 0,
    });
    expect(journal.pairs.ids).toEqual(['n0', 'n1', 'lin-kv', 'clients']);
  });

  it('gives the same digest however the text is cut into pieces', () => {
    const text = benchText(journalEvents());
    const whole = digestOf([text]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
        const pieces = at.slice(1).map((end, i) => text.slice(at[i], end));
        expect(digestOf(pieces)).toEqual(whole);
      }),
    );
  });

  it('reads any JSON layout of the same events (keys in another order, spaces) to the same digest', () => {
    const other = journalEvents()
      .map(({ type, time, message }) =>
        JSON.stringify(
          {
            message: { body: message.body, dest: message.dest, src: message.src, id: message.id },
            time,
            type,
          },
          null,
          1,
        ).replace(/\n/g, ''),
      )
      .join('\r\n');
    expect(digestOf([other])).toEqual(digestOf([benchText(journalEvents())]));
  });

  it('reads a body whose type is not its first key, or is missing', () => {
    const message = { id: 0, src: 'c0', dest: 'n0', body: { msg_id: 1, echo: 'x', type: 'echo' } };
    const untyped = { id: 1, src: 'c0', dest: 'n0', body: { msg_id: 2 } };
    const table = tableOf(
      digestOf([
        benchText([
          { type: 'send', time: 0, message },
          { type: 'send', time: 1, message: untyped },
        ]),
      ]),
    );
    expect(table.type.map((t) => table.types[t])).toEqual(['echo', '?']);
  });

  it('is what readJournal makes of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    try {
      const file = join(dir, 'messages.jsonl');
      writeFileSync(file, benchText(journalEvents()));
      expect(await readJournal(file, history)).toEqual(digestOf([benchText(journalEvents())]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
