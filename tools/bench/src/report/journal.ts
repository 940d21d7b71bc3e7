import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Op } from '../lib/history';
import type { MessageTable, NetSection } from './model';
import { nsToMs } from './time';

/** Bodies longer than this are cut on the page; messages.jsonl keeps them whole. */
export const BODY_CHARS = 200;
const CLIENTS = 'clients';

interface JournalLine {
  readonly type: 'send' | 'recv';
  readonly time: number;
  readonly message: {
    readonly id: number;
    readonly src: string;
    readonly dest: string;
    readonly body: unknown;
  };
}

export interface Journal {
  readonly table: MessageTable;
  readonly byType: NetSection['byType'];
  readonly pairs: NonNullable<NetSection['pairs']>;
}

const isClient = (id: string) => id.startsWith('c');

/**
 * Reads messages.jsonl (send and delivery events, nanoseconds since the run started) into the diagram's columns and
 * the network breakdowns, shifting its times onto the history's clock (see `journalOffsetNs`).
 */
export async function readJournal(file: string, history: readonly Op[]): Promise<Journal> {
  const sends = new Map<number, { line: JournalLine; recv: number | undefined }>();
  const servers = new Set<string>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as JournalLine;
    const body = bodyOf(line.message.body);
    if (line.type === 'send') {
      sends.set(line.message.id, { line, recv: undefined });
      if (body.type === 'init') servers.add(line.message.dest);
    } else {
      const sent = sends.get(line.message.id);
      if (sent) sent.recv = line.time;
    }
  }
  const events = [...sends.values()].sort(
    (a, b) => a.line.time - b.line.time || a.line.message.id - b.line.message.id,
  );
  const offset = journalOffsetNs(
    events.map((e) => e.line),
    history,
  );
  return {
    table: messageTable(events, servers, offset),
    byType: countByType(events.map((e) => e.line)),
    pairs: countPairs(
      events.map((e) => e.line),
      servers,
    ),
  };
}

/**
 * The journal counts from the run's start, the history from "Relative time begins now" (after init and setup). The
 * first client request that is not init or topology is the first op's invocation, so the difference of the two
 * times puts both on one clock.
 */
export function journalOffsetNs(sends: readonly JournalLine[], history: readonly Op[]): number {
  const firstInvoke = history.find((op) => op.process !== 'nemesis' && op.type === 'invoke');
  const firstRequest = sends.find((e) => {
    const type = bodyOf(e.message.body).type;
    return isClient(e.message.src) && type !== 'init' && type !== 'topology';
  });
  return firstInvoke && firstRequest ? firstRequest.time - firstInvoke.time : 0;
}

function messageTable(
  events: readonly { line: JournalLine; recv: number | undefined }[],
  servers: ReadonlySet<string>,
  offsetNs: number,
): MessageTable {
  const names = new Interner();
  const types = new Interner();
  const otherIds = new Set<string>();
  for (const { line } of events)
    for (const id of [line.message.src, line.message.dest])
      if (!isClient(id) && !servers.has(id)) otherIds.add(id);
  const endpoints = [CLIENTS, ...sortIds(servers), ...sortIds(otherIds)];
  const column = new Map(endpoints.map((id, i) => [id, i]));
  const endpointOf = (id: string) => (isClient(id) ? 0 : (column.get(id) ?? 0));
  const table = {
    endpoints,
    names: names.values,
    types: types.values,
    id: [] as number[],
    src: [] as number[],
    dest: [] as number[],
    srcName: [] as number[],
    destName: [] as number[],
    type: [] as number[],
    sendMs: [] as number[],
    recvMs: [] as (number | null)[],
    body: [] as string[],
    maxFlightMs: 0,
  };
  for (const { line, recv } of events) {
    const { id, src, dest, body } = line.message;
    const sendMs = nsToMs(line.time - offsetNs);
    const recvMs = recv === undefined ? null : nsToMs(recv - offsetNs);
    table.id.push(id);
    table.src.push(endpointOf(src));
    table.dest.push(endpointOf(dest));
    table.srcName.push(names.index(src));
    table.destName.push(names.index(dest));
    table.type.push(types.index(bodyOf(body).type));
    table.sendMs.push(sendMs);
    table.recvMs.push(recvMs);
    const json = JSON.stringify(body);
    table.body.push(json.length > BODY_CHARS ? `${json.slice(0, BODY_CHARS)}…` : json);
    if (recvMs !== null) table.maxFlightMs = Math.max(table.maxFlightMs, recvMs - sendMs);
  }
  return table;
}

function countByType(sends: readonly JournalLine[]): NetSection['byType'] {
  const counts = new Map<string, { type: string; servers: number; clients: number }>();
  for (const e of sends) {
    const type = bodyOf(e.message.body).type;
    const row = counts.get(type) ?? { type, servers: 0, clients: 0 };
    if (isClient(e.message.src) || isClient(e.message.dest)) row.clients++;
    else row.servers++;
    counts.set(type, row);
  }
  return [...counts.values()].sort((a, b) => b.servers + b.clients - (a.servers + a.clients));
}

function countPairs(
  sends: readonly JournalLine[],
  servers: ReadonlySet<string>,
): NonNullable<NetSection['pairs']> {
  const others = new Set<string>();
  for (const e of sends)
    for (const id of [e.message.src, e.message.dest]) if (!isClient(id) && !servers.has(id)) others.add(id);
  const ids = [...sortIds(servers), ...sortIds(others), CLIENTS];
  const index = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => ids.map(() => 0));
  const at = (id: string) => index.get(isClient(id) ? CLIENTS : id) ?? ids.length - 1;
  for (const e of sends) counts[at(e.message.src)][at(e.message.dest)]++;
  return { ids, counts };
}

function bodyOf(body: unknown): { type: string } {
  const type =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['type'] : undefined;
  return { type: typeof type === 'string' ? type : '?' };
}

function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Assigns each distinct string a small index, so the page carries every id and type once. */
class Interner {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();

  index(value: string): number {
    let i = this.map.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.map.set(value, i);
    }
    return i;
  }
}
