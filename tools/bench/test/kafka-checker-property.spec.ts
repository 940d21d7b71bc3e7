import fc from 'fast-check';
import { checkKafka } from '../src/workloads/kafka/checker';
import type { History } from '../src/lib/history';
import { KafkaHistory } from './fixtures/kafka-history-builder';

/**
 * A correct single-log kafka node driven by several workers that follow Maelstrom's client rules (local offsets,
 * commit of the highest polled offset, assign from committed offsets, crash → new process and client), run one op
 * at a time, then the final phase (crash, assign everything from the beginning, poll all). One optional fault:
 *   reuse    a send is acknowledged at the tail offset, whose (already polled) message it overwrites;
 *   skip     a poll response drops the middle entry of a key that returned ≥ 3 entries;
 *   lostLast a send is acknowledged but never stored, and its key gets no further sends;
 *   lostMid  a send is acknowledged but never stored, and a later send to its key is stored.
 */
type Fault = 'none' | 'reuse' | 'skip' | 'lostLast' | 'lostMid';

type Action =
  | { t: 'send'; w: number; k: number }
  | { t: 'sendInfo'; w: number; k: number; applied: boolean }
  | { t: 'poll'; w: number; n: number }
  | { t: 'assign'; w: number; keys: number[] }
  | { t: 'crash'; w: number };

const WORKERS = 3;
const KEYS = 3;

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('send' as const), w: fc.nat(WORKERS - 1), k: fc.nat(KEYS - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('sendInfo' as const),
      w: fc.nat(WORKERS - 1),
      k: fc.nat(KEYS - 1),
      applied: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('poll' as const), w: fc.nat(WORKERS - 1), n: fc.nat(5) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('assign' as const),
      w: fc.nat(WORKERS - 1),
      keys: fc.uniqueArray(fc.nat(KEYS - 1), { minLength: 1, maxLength: KEYS }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('crash' as const), w: fc.nat(WORKERS - 1) }) },
);

interface Run {
  history: History;
  injected: boolean;
}

function run(actions: readonly Action[], fault: Fault): Run {
  const h = new KafkaHistory();
  const logs = new Map<string, Array<{ offset: number; msg: number }>>();
  const nextOffset = new Map<string, number>();
  const nextValue = new Map<string, number>();
  const committed = new Map<string, number>();
  const polled = new Set<string>();
  const process = Array.from({ length: WORKERS }, (_, w) => w);
  let clients = Array.from({ length: WORKERS }, () => new Map<string, number>());
  let injected = false;
  let retired: string | undefined;

  const fresh = (w: number): void => {
    process[w] += WORKERS;
    clients = clients.map((c, i) => (i === w ? new Map() : c));
  };
  const append = (k: string, msg: number, store: boolean): number => {
    const offset = nextOffset.get(k) ?? 0;
    nextOffset.set(k, offset + 1);
    if (store) logs.set(k, [...(logs.get(k) ?? []), { offset, msg }]);
    return offset;
  };
  const value = (k: string): number => {
    const v = nextValue.get(k) ?? 1;
    nextValue.set(k, v + 1);
    return v;
  };
  const poll = (w: number, n: number, mayInject: boolean): void => {
    const msgs: Record<string, Array<[number, number]>> = {};
    for (const [k, from] of clients[w]) {
      let entries = (logs.get(k) ?? []).filter((e) => e.offset >= from).slice(0, n);
      if (entries.length === 0) continue;
      const last = entries[entries.length - 1];
      clients[w].set(k, Math.max(from, last.offset + 1));
      committed.set(k, Math.max(committed.get(k) ?? -1, last.offset));
      if (mayInject && fault === 'skip' && !injected && entries.length >= 3) {
        entries = entries.filter((_, i) => i !== 1);
        injected = true;
      }
      msgs[k] = entries.map((e) => [e.offset, e.msg]);
      for (const e of entries) polled.add(`${k}/${e.offset}/${e.msg}`);
    }
    h.poll(process[w], msgs);
  };

  for (const a of actions) {
    if (a.t === 'send' || a.t === 'sendInfo') {
      let k = String(a.k);
      if (k === retired) k = String((a.k + 1) % KEYS);
      const v = value(k);
      if (a.t === 'sendInfo') {
        if (a.applied) append(k, v, true);
        h.send(process[a.w], k, v, 'info');
        fresh(a.w);
        continue;
      }
      const log = logs.get(k) ?? [];
      const tail = log[log.length - 1];
      if (fault === 'reuse' && !injected && tail && polled.has(`${k}/${tail.offset}/${tail.msg}`)) {
        tail.msg = v;
        injected = true;
        h.send(process[a.w], k, v, tail.offset);
        continue;
      }
      if ((fault === 'lostLast' || fault === 'lostMid') && !injected) {
        injected = true;
        if (fault === 'lostLast') retired = k;
        h.send(process[a.w], k, v, append(k, v, false));
        if (fault === 'lostMid') {
          const after = value(k);
          h.send(process[a.w], k, after, append(k, after, true));
        }
        continue;
      }
      h.send(process[a.w], k, v, append(k, v, true));
    } else if (a.t === 'poll') {
      poll(a.w, a.n, true);
    } else if (a.t === 'assign') {
      const keys = a.keys.map(String);
      clients[a.w] = new Map(keys.map((k) => [k, clients[a.w].get(k) ?? committed.get(k) ?? 0]));
      h.assign(process[a.w], keys);
    } else {
      h.crash(process[a.w]);
      fresh(a.w);
    }
  }
  const everyKey = [...new Set([...logs.keys(), ...nextOffset.keys()])].sort();
  for (let w = 0; w < WORKERS; w++) {
    h.crash(process[w]);
    fresh(w);
    clients[w] = new Map(everyKey.map((k) => [k, 0]));
    h.assign(process[w], everyKey, true);
    poll(w, Number.MAX_SAFE_INTEGER, false);
  }
  return { history: h.build(), injected };
}

const actions = fc.array(action, { minLength: 5, maxLength: 60 });
const errorTypes = (history: History): string[] => checkKafka(history)['error-types'] as string[];

describe('kafka checker properties', () => {
  it('histories of a correct single log are valid', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const r = checkKafka(run(as, 'none').history);
        expect(r['error-types']).toEqual([]);
        expect(r['valid?']).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('an acknowledged send at a reused offset gives exactly inconsistent-offsets', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const { history, injected } = run(as, 'reuse');
        fc.pre(injected);
        expect(errorTypes(history)).toEqual(['inconsistent-offsets']);
      }),
      { numRuns: 100 },
    );
  });

  it('a poll response skipping an offset gives exactly int-poll-skip', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const { history, injected } = run(as, 'skip');
        fc.pre(injected);
        expect(errorTypes(history)).toEqual(['int-poll-skip']);
      }),
      { numRuns: 100 },
    );
  });

  it('a lost acknowledged send with nothing after it gives exactly unseen', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const { history, injected } = run(as, 'lostLast');
        fc.pre(injected);
        expect(errorTypes(history)).toEqual(['unseen']);
      }),
      { numRuns: 100 },
    );
  });

  it('a lost acknowledged send before a polled one gives lost-write and unseen (plus skips of polls across it)', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const { history, injected } = run(as, 'lostMid');
        fc.pre(injected);
        const found = errorTypes(history);
        expect(found).toEqual(expect.arrayContaining(['lost-write', 'unseen']));
        for (const t of found) expect(['lost-write', 'unseen', 'int-poll-skip', 'poll-skip']).toContain(t);
      }),
      { numRuns: 100 },
    );
  });
});
