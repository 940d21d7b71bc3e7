import { isClient } from '@glomers/sim';
import { createReadStream } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Op } from '../lib/history';
import type { MessageTable, NetSection, PackedMessages } from './model';
import { nsToMs } from './time';

/** Bodies longer than this are cut on the page; messages.jsonl keeps them whole. */
export const BODY_CHARS = 200;
const CLIENTS = 'clients';

/** One line of messages.jsonl. */
export interface JournalLine {
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
  readonly messages: PackedMessages;
  readonly byType: NetSection['byType'];
  readonly pairs: NonNullable<NetSection['pairs']>;
}

/** A send as the digest keeps it: the body already cut to its page form, so the parsed body can go. */
interface Send {
  readonly id: number;
  readonly time: number;
  readonly src: string;
  readonly dest: string;
  readonly type: string;
  readonly body: string;
  recv: number | undefined;
}

/**
 * Reads messages.jsonl (send and delivery events, nanoseconds since the run started) into the diagram's columns and
 * the network breakdowns, shifting its times onto the history's clock (see `journalOffsetNs`).
 */
export async function readJournal(file: string, history: readonly Op[]): Promise<Journal> {
  const reader = new JournalReader();
  for await (const chunk of createReadStream(file, 'utf8')) reader.addText(chunk as string);
  return reader.digest(firstInvokeNs(history));
}

/**
 * Takes messages.jsonl as it is written, in pieces of any size, and keeps what the report needs of it; `digest`
 * then builds the report's view. Fed a file's text in order, it gives what `readJournal` gives for that file.
 */
export class JournalReader {
  private readonly sends = new Map<number, Send>();
  private readonly servers = new Set<string>();
  private partial = '';

  addText(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.addLine(line);
  }

  /** The report's view of every line added so far: its time zero is the history's first invocation. */
  digest(firstInvokeNs: number | undefined): Journal {
    if (this.partial !== '') this.addLine(this.partial);
    this.partial = '';
    const events = [...this.sends.values()].sort((a, b) => a.time - b.time || a.id - b.id);
    const offset = journalOffsetNs(events, firstInvokeNs);
    return {
      messages: packMessages(messageTable(events, this.servers, offset)),
      byType: countByType(events),
      pairs: countPairs(events, this.servers),
    };
  }

  private addLine(text: string): void {
    const line = ourLine(text) ?? anyLine(text);
    if (line === undefined) return;
    if (line.kind === 'send') {
      const { id, time, src, dest, body } = line;
      const type = typeOfBodyJson(body);
      this.sends.set(id, { id, time, src, dest, type, body: cutBody(body), recv: undefined });
      if (type === 'init') this.servers.add(dest);
    } else {
      const sent = this.sends.get(line.id);
      if (sent) sent.recv = line.time;
    }
  }
}

/** What the reader takes from one line: for a send, its body as JSON text. */
type ReadLine =
  | { readonly kind: 'recv'; readonly id: number; readonly time: number }
  | {
      readonly kind: 'send';
      readonly id: number;
      readonly time: number;
      readonly src: string;
      readonly dest: string;
      readonly body: string;
    };

/** The head of a line as the bench writes it (test-command's journalLine, which writes JSON.stringify of the event). */
const OUR_HEAD =
  /^\{"type":"(send|recv)","time":(\d+),"message":\{"id":(\d+),"src":("(?:[^"\\]|\\.)*"),"dest":("(?:[^"\\]|\\.)*"),"body":/;

/**
 * A line in the bench's own layout, read without parsing its body (parsing every body was most of the reader's
 * time); undefined for any other layout. The body's text is exactly JSON.stringify of the body, since the line is
 * JSON.stringify of the whole event.
 */
function ourLine(text: string): ReadLine | undefined {
  const head = OUR_HEAD.exec(text);
  if (head === null || !text.endsWith('}}')) return undefined;
  const [matched, kind, time, id, src, dest] = head;
  if (kind === 'recv') return { kind, id: Number(id), time: Number(time) };
  const body = text.slice(matched.length, -2);
  return {
    kind: 'send',
    id: Number(id),
    time: Number(time),
    src: JSON.parse(src),
    dest: JSON.parse(dest),
    body,
  };
}

/** Any JSON layout of a journal line; undefined for a blank one. */
function anyLine(text: string): ReadLine | undefined {
  if (text.trim() === '') return undefined;
  const { type, time, message } = JSON.parse(text) as JournalLine;
  if (type !== 'send') return { kind: 'recv', id: message.id, time };
  const { id, src, dest, body } = message;
  return { kind: 'send', id, time, src, dest, body: JSON.stringify(body) };
}

/** A body's `type`, read from its JSON without parsing it when the type comes first (as every node here sends it). */
function typeOfBodyJson(json: string): string {
  const prefix = '{"type":"';
  if (json.startsWith(prefix)) {
    const end = json.indexOf('"', prefix.length);
    const type = json.slice(prefix.length, end);
    if (end > 0 && !type.includes('\\')) return type;
  }
  return typeOf(JSON.parse(json));
}

function cutBody(json: string): string {
  return json.length > BODY_CHARS ? `${json.slice(0, BODY_CHARS)}…` : json;
}

/** The history's time zero on the journal's clock: its first client invocation (nemesis ops aside). */
export function firstInvokeNs(history: readonly Op[]): number | undefined {
  return history.find((op) => op.process !== 'nemesis' && op.type === 'invoke')?.time;
}

/**
 * The table as the page carries it: JSON, gzipped, base64 (most of the page's bytes). Level 4 takes a third of the
 * default level's time for an eighth more bytes (6a: 30 against 85 ms, 684 against 607 kB).
 */
function packMessages(table: MessageTable): PackedMessages {
  const gzBase64 = gzipSync(JSON.stringify(table), { level: 4 }).toString('base64');
  return { count: table.id.length, gzBase64 };
}

/**
 * The journal counts from the run's start, the history from "Relative time begins now" (after init and setup). The
 * first client request that is not init or topology is the first op's invocation, so the difference of the two
 * times puts both on one clock.
 */
function journalOffsetNs(sends: readonly Send[], firstInvoke: number | undefined): number {
  const firstRequest = sends.find((e) => isClient(e.src) && e.type !== 'init' && e.type !== 'topology');
  return firstInvoke !== undefined && firstRequest ? firstRequest.time - firstInvoke : 0;
}

function messageTable(events: readonly Send[], servers: ReadonlySet<string>, offsetNs: number): MessageTable {
  const names = new Interner();
  const types = new Interner();
  const endpoints = [CLIENTS, ...sortIds(servers), ...sortIds(otherEndpoints(events, servers))];
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
  for (const { id, time, recv, src, dest, type, body } of events) {
    const sendMs = nsToMs(time - offsetNs);
    const recvMs = recv === undefined ? null : nsToMs(recv - offsetNs);
    table.id.push(id);
    table.src.push(endpointOf(src));
    table.dest.push(endpointOf(dest));
    table.srcName.push(names.index(src));
    table.destName.push(names.index(dest));
    table.type.push(types.index(type));
    table.sendMs.push(sendMs);
    table.recvMs.push(recvMs);
    table.body.push(body);
    if (recvMs !== null) table.maxFlightMs = Math.max(table.maxFlightMs, recvMs - sendMs);
  }
  return table;
}

/** Endpoints that are neither clients nor servers: the services (lin-kv, seq-kv, …). */
function otherEndpoints(sends: readonly Send[], servers: ReadonlySet<string>): Set<string> {
  const others = new Set<string>();
  for (const e of sends)
    for (const id of [e.src, e.dest]) if (!isClient(id) && !servers.has(id)) others.add(id);
  return others;
}

function countByType(sends: readonly Send[]): NetSection['byType'] {
  const counts = new Map<string, { type: string; servers: number; clients: number }>();
  for (const e of sends) {
    const row = counts.get(e.type) ?? { type: e.type, servers: 0, clients: 0 };
    if (isClient(e.src) || isClient(e.dest)) row.clients++;
    else row.servers++;
    counts.set(e.type, row);
  }
  return [...counts.values()].sort((a, b) => b.servers + b.clients - (a.servers + a.clients));
}

function countPairs(sends: readonly Send[], servers: ReadonlySet<string>): NonNullable<NetSection['pairs']> {
  const ids = [...sortIds(servers), ...sortIds(otherEndpoints(sends, servers)), CLIENTS];
  const index = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => ids.map(() => 0));
  const at = (id: string) => index.get(isClient(id) ? CLIENTS : id) ?? ids.length - 1;
  for (const e of sends) counts[at(e.src)][at(e.dest)]++;
  return { ids, counts };
}

function typeOf(body: unknown): string {
  const type =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['type'] : undefined;
  return typeof type === 'string' ? type : '?';
}

/** `a.localeCompare(b, 'en', { numeric: true })`, whose collator is made once here, not on every compare. */
let naturalOrder: Intl.Collator | undefined;

function sortIds(ids: Iterable<string>): string[] {
  const order = (naturalOrder ??= new Intl.Collator('en', { numeric: true }));
  return [...ids].sort(order.compare);
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
