import type { Body } from '@glomers/protocol';
import fc from 'fast-check';
import { linKv, linTso, lwwKv, seqKv, SeededRandom, type Service } from '../src';

const call = (service: Service, src: string, body: Body) => service.handle({ id: 0, src, dest: 'svc', body });

describe('lin-kv', () => {
  it('reads, writes and compares-and-sets with Maelstrom error codes and texts', () => {
    const kv = linKv();
    expect(call(kv, 'n0', { type: 'read', key: 'k' })).toEqual({
      type: 'error',
      code: 20,
      text: 'key does not exist',
    });
    expect(call(kv, 'n0', { type: 'cas', key: 'k', from: 1, to: 2 })).toMatchObject({ code: 20 });
    expect(call(kv, 'n0', { type: 'cas', key: 'k', from: 1, to: 2, create_if_not_exists: true })).toEqual({
      type: 'cas_ok',
    });
    expect(call(kv, 'n0', { type: 'cas', key: 'k', from: 1, to: 3 })).toEqual({
      type: 'error',
      code: 22,
      text: 'current value 2 is not 1',
    });
    expect(call(kv, 'n0', { type: 'write', key: 'k', value: [1, 'a'] })).toEqual({ type: 'write_ok' });
    expect(call(kv, 'n1', { type: 'read', key: 'k' })).toEqual({ type: 'read_ok', value: [1, 'a'] });
    expect(call(kv, 'n1', { type: 'cas', key: 'k', from: [1, 'a'], to: { b: 1 } })).toEqual({
      type: 'cas_ok',
    });
    expect(call(kv, 'n1', { type: 'cas', key: 'k', from: 0, to: 1 })).toMatchObject({
      text: 'current value {"b" 1} is not 0',
    });
  });

  it('keys by JSON value: 1 and "1" are different keys', () => {
    const kv = linKv();
    call(kv, 'n0', { type: 'write', key: 1, value: 'number' });
    expect(call(kv, 'n0', { type: 'read', key: '1' })).toMatchObject({ code: 20 });
  });

  it('ignores unknown request types (no reply)', () => {
    expect(call(linKv(), 'n0', { type: 'frob' })).toBeUndefined();
    expect(call(linTso(), 'n0', { type: 'read', key: 1 })).toBeUndefined();
  });
});

describe('lin-tso', () => {
  it('hands out 0, 1, 2, …', () => {
    const tso = linTso();
    expect([0, 1, 2].map(() => call(tso, 'n0', { type: 'ts' }))).toEqual(
      [0, 1, 2].map((ts) => ({ type: 'ts_ok', ts })),
    );
  });
});

describe('seq-kv', () => {
  it('lets each caller see a monotone sequence, and never lets a cas succeed against a stale state', () => {
    const op = fc.tuple(
      fc.constantFrom('n0', 'n1', 'n2'),
      fc.constantFrom('write', 'stale-cas', 'cas', 'read'),
    );
    fc.assert(
      fc.property(fc.integer(), fc.array(op, { maxLength: 120 }), (seed, ops) => {
        const kv = seqKv(new SeededRandom(seed));
        let latest = 0;
        const lastSeen = new Map<string, number>();
        for (const [node, kind] of ops) {
          if (kind === 'write') {
            expect(call(kv, node, { type: 'write', key: 'k', value: ++latest })).toEqual({
              type: 'write_ok',
            });
            lastSeen.set(node, latest);
          } else if (kind === 'stale-cas') {
            expect(call(kv, node, { type: 'cas', key: 'k', from: latest - 1, to: -1 })?.type).toBe('error');
          } else if (kind === 'cas') {
            const reply = call(kv, node, { type: 'cas', key: 'k', from: latest, to: latest + 1 });
            if (reply?.type === 'cas_ok') lastSeen.set(node, ++latest);
          } else {
            const reply = call(kv, node, { type: 'read', key: 'k' });
            const value = reply?.type === 'read_ok' ? (reply['value'] as number) : 0;
            expect(value).toBeGreaterThanOrEqual(lastSeen.get(node) ?? 0);
            expect(value).toBeLessThanOrEqual(latest);
            lastSeen.set(node, value);
          }
        }
      }),
    );
  });

  it('serves stale reads', () => {
    const kv = seqKv(new SeededRandom(7));
    for (let v = 1; v <= 20; v++) call(kv, 'n0', { type: 'write', key: 'k', value: v });
    const seen = new Set(
      Array.from({ length: 50 }, () => JSON.stringify(call(kv, 'n1', { type: 'read', key: 'k' }))),
    );
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('lww-kv', () => {
  it('keeps two replicas that never converge, so reads see either', () => {
    const kv = lwwKv(new SeededRandom(3));
    for (let i = 0; i < 10; i++) call(kv, 'n0', { type: 'write', key: 'k', value: i });
    const replies = Array.from({ length: 60 }, () =>
      JSON.stringify(call(kv, 'n0', { type: 'read', key: 'k' })),
    );
    expect(new Set(replies).size).toBe(2);
  });
});
