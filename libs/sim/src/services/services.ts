import type { Body } from '@glomers/protocol';
import type { Random } from '../lib/ports';
import { jsonEqual, jsonKey } from '../lib/json-equal';
import type { Envelope, Network } from '../network/network';
import { prStr, str } from './clojure-print';

/** A reply body without `in_reply_to` (the service loop adds it), or undefined: no reply. */
type Reply = Record<string, unknown> & { type: string };

type Entries = ReadonlyMap<string, unknown>;

/** What a request does to a key-value map: the reply, and the key and value it writes, if it writes. */
interface Decision {
  readonly reply: Reply;
  readonly write?: readonly [key: string, value: unknown];
}

/** Maelstrom's PersistentKV semantics for one request on `entries`; undefined for types the services ignore. */
function decide(entries: Entries, body: Body): Decision | undefined {
  const key = jsonKey(body['key']);
  const present = entries.has(key);
  const current = entries.get(key);
  switch (body.type) {
    case 'read':
      return { reply: present ? { type: 'read_ok', value: current } : missing() };
    case 'write':
      return { reply: { type: 'write_ok' }, write: [key, body['value']] };
    case 'cas':
      if (present) {
        return jsonEqual(body['from'], current)
          ? { reply: { type: 'cas_ok' }, write: [key, body['to']] }
          : {
              reply: {
                type: 'error',
                code: 22,
                text: `current value ${prStr(current)} is not ${prStr(body['from'])}`,
              },
            };
      }
      return body['create_if_not_exists'] === true
        ? { reply: { type: 'cas_ok' }, write: [key, body['to']] }
        : { reply: missing() };
    default:
      return undefined;
  }
}

/** True when applying `decision` to `entries` would leave them equal (Clojure `=`) to what they were. */
function changesNothing(entries: Entries, { write }: Decision): boolean {
  return write === undefined || (entries.has(write[0]) && jsonEqual(entries.get(write[0]), write[1]));
}

/** A new map: `entries` with the decision's write applied (seq-kv keeps every state it went through). */
function applied(entries: Entries, { write }: Decision): Entries {
  if (write === undefined) return entries;
  return new Map(entries).set(write[0], write[1]);
}

function missing(): Reply {
  return { type: 'error', code: 20, text: 'key does not exist' };
}

/** Handles one request; returns the reply body, or undefined for requests the service ignores (no reply). */
export interface Service {
  handle(message: Envelope): Reply | undefined;
  /** The newest value of `key` (undefined when absent), for tests; not a request, so nothing is drawn. */
  peek?(key: unknown): unknown;
}

/** The four services by id. */
export type ServiceMap = Readonly<Record<'lin-kv' | 'seq-kv' | 'lww-kv' | 'lin-tso', Service>>;

/** lin-kv: one atomically updated map (updated in place: nobody reads an older state). */
export function linKv(): Service {
  const entries = new Map<string, unknown>();
  return {
    handle: ({ body }) => {
      const decision = decide(entries, body);
      if (decision?.write) entries.set(decision.write[0], decision.write[1]);
      return decision?.reply;
    },
    peek: (key) => entries.get(jsonKey(key)),
  };
}

/**
 * seq-kv as implemented (§2): the last 32 states are kept; a caller at position p evaluates on a uniformly chosen
 * state in [p, last]; if that changes nothing it answers from there, else it re-runs on the newest state and
 * appends. Positions beyond the window wrap as amalloy's ring buffer `nth` does (mod the retained count).
 */
export function seqKv(random: Random, capacity = 32): Service {
  const states: Entries[] = [new Map()];
  let lastIndex = 0;
  const positions = new Map<string, number>();
  return {
    handle: ({ src, body }) => {
      const position = positions.get(src) ?? 0;
      const index = position + random.int(lastIndex - position + 1);
      const back = lastIndex - index + 1;
      const chosen = states[(((states.length - back) % states.length) + states.length) % states.length];
      const stale = decide(chosen, body);
      if (!stale) return undefined;
      if (changesNothing(chosen, stale)) {
        positions.set(src, index);
        return stale.reply;
      }
      const newest = states[states.length - 1];
      const fresh = decide(newest, body);
      if (!fresh) return undefined;
      states.push(applied(newest, fresh));
      if (states.length > capacity) states.shift();
      lastIndex++;
      positions.set(src, lastIndex);
      return fresh.reply;
    },
    peek: (key) => states[states.length - 1].get(jsonKey(key)),
  };
}

interface Stamped {
  readonly ts: number;
  readonly value: unknown;
}

/**
 * lww-kv as implemented (§2): 2 replicas, each request on a uniformly random one; the merge Maelstrom computes
 * is discarded, so replicas never converge. The two draws it spends on the merge are kept so streams line up.
 */
export function lwwKv(random: Random, replicaCount = 2): Service {
  const replicas = Array.from({ length: replicaCount }, () => ({
    clock: 0,
    entries: new Map<string, Stamped>(),
  }));
  return {
    handle: ({ body }) => {
      random.int(replicaCount);
      random.int(replicaCount);
      const replica = replicas[random.int(replicaCount)];
      const key = jsonKey(body['key']);
      const current = replica.entries.get(key);
      switch (body.type) {
        case 'read':
          return current ? { type: 'read_ok', value: current.value } : missing();
        case 'write':
          replica.entries.set(key, { ts: replica.clock++, value: body['value'] });
          return { type: 'write_ok' };
        case 'cas':
          if (!current) return missing();
          if (!jsonEqual(body['from'], current.value)) {
            return {
              type: 'error',
              code: 22,
              text: `current value ${prStr(current.value)} is not ${str(body['from'])}`,
            };
          }
          replica.entries.set(key, { ts: replica.clock++, value: body['to'] });
          return { type: 'cas_ok' };
        default:
          return undefined;
      }
    },
  };
}

/** lin-tso: 0, 1, 2, … */
export function linTso(): Service {
  let next = 0;
  return { handle: ({ body }) => (body.type === 'ts' ? { type: 'ts_ok', ts: next++ } : undefined) };
}

/**
 * Registers Maelstrom's four services on the network. Each answers in arrival order with `in_reply_to` = the
 * request's msg_id (null when absent). A reply to an id that is gone is dropped, as Maelstrom's service loop
 * logs and skips it.
 */
export function startServices(network: Network, randoms: { seqKv: Random; lwwKv: Random }): ServiceMap {
  const services: ServiceMap = {
    'lin-kv': linKv(),
    'seq-kv': seqKv(randoms.seqKv),
    'lww-kv': lwwKv(randoms.lwwKv),
    'lin-tso': linTso(),
  };
  for (const [id, service] of Object.entries(services)) {
    network.register(id, (message) => {
      const reply = service.handle(message);
      if (!reply) return;
      const body = { ...reply, in_reply_to: message.body.msg_id ?? null } as Body;
      if (network.has(message.src)) network.send(id, message.src, body);
    });
  }
  return services;
}
