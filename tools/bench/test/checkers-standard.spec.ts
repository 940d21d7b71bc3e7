import { NetStats } from '../src/checkers/net-stats';
import { checkAvailability, checkExceptions, checkStats } from '../src/checkers/standard';
import type { Op } from '../src/lib/history';
import { closingLine, exitCodeFor, failingChecks } from '../src/results/analyze';

function history(rows: Array<[Op['process'], Op['type'], string, string?]>): Op[] {
  return rows.map(([process, type, f, exception], index) => ({
    index,
    time: index,
    process,
    type,
    f,
    value: null,
    ...(exception ? { exception } : {}),
  }));
}

describe('stats', () => {
  it('is invalid when some f never succeeded, and counts completions only', () => {
    const h = history([
      [0, 'invoke', 'read'],
      [0, 'ok', 'read'],
      [1, 'invoke', 'broadcast'],
      [1, 'info', 'broadcast'],
      ['nemesis', 'info', 'start-partition'],
      ['nemesis', 'info', 'start-partition'],
    ]);
    const stats = checkStats(h);
    expect(stats).toMatchObject({ 'valid?': false, count: 2, 'ok-count': 1, 'info-count': 1 });
    expect(stats['by-f']).toEqual({
      broadcast: { 'valid?': false, count: 1, 'ok-count': 0, 'fail-count': 0, 'info-count': 1 },
      read: { 'valid?': true, count: 1, 'ok-count': 1, 'fail-count': 0, 'info-count': 0 },
    });
  });

  it("ignores kafka's crash ops, which never succeed", () => {
    const h = history([
      [0, 'invoke', 'send'],
      [0, 'ok', 'send'],
      [0, 'invoke', 'crash'],
      [0, 'info', 'crash'],
    ]);
    expect(checkStats(h)['valid?']).toBe(true);
  });
});

describe('availability', () => {
  const h = history([
    [0, 'invoke', 'txn'],
    [0, 'ok', 'txn'],
    [1, 'invoke', 'txn'],
    [1, 'fail', 'txn'],
    ['nemesis', 'info', 'start-partition'],
  ]);

  it('is always valid without a requirement, and reports the ok fraction', () => {
    expect(checkAvailability(h, undefined)).toEqual({ 'valid?': true, 'ok-fraction': 0.5 });
  });

  it('fails total availability below 1 and a fraction above what was reached', () => {
    expect(checkAvailability(h, 'total')['valid?']).toBe(false);
    expect(checkAvailability(h, 0.6)['valid?']).toBe(false);
    expect(checkAvailability(h, 0.5)['valid?']).toBe(true);
  });
});

describe('exceptions', () => {
  it('groups info ops caused by exceptions and stays valid', () => {
    const h = history([
      [0, 'invoke', 'echo'],
      [0, 'info', 'echo', "malformed-rpc-response: unexpected field 'extra'"],
      [1, 'invoke', 'echo'],
      [1, 'info', 'echo'],
    ]);
    const result = checkExceptions(h);
    expect(result['valid?']).toBe(true);
    expect(result['exceptions']).toEqual([{ count: 1, class: 'malformed-rpc-response', example: h[1] }]);
    expect(checkExceptions(h.slice(2))).toEqual({ 'valid?': true });
  });
});

describe('net stats', () => {
  const message = (id: number, src: string, dest: string) => ({ id, src, dest, body: { type: 'x' } });

  it('splits client and server traffic and divides by client invocations', () => {
    const stats = new NetStats();
    stats.record({ type: 'send', time: 0, message: message(0, 'c1', 'n0') });
    stats.record({ type: 'recv', time: 1, message: message(0, 'c1', 'n0') });
    stats.record({ type: 'send', time: 2, message: message(1, 'n0', 'n1') });
    stats.record({ type: 'send', time: 3, message: message(2, 'n0', 'lin-kv') });
    stats.record({ type: 'recv', time: 4, message: message(2, 'n0', 'lin-kv') });
    expect(stats.result(2)).toEqual({
      all: { 'send-count': 3, 'recv-count': 2, 'msg-count': 3, 'msgs-per-op': 1.5 },
      clients: { 'send-count': 1, 'recv-count': 1, 'msg-count': 1 },
      servers: { 'send-count': 2, 'recv-count': 1, 'msg-count': 2, 'msgs-per-op': 1 },
      'valid?': true,
    });
    expect(stats.result(0)['all']).not.toHaveProperty('msgs-per-op');
  });
});

describe('verdicts', () => {
  it('maps validity to the closing line and exit code, and names failing checks', () => {
    expect([exitCodeFor(true), exitCodeFor(false), exitCodeFor('unknown')]).toEqual([0, 1, 2]);
    expect(closingLine(false)).toContain('Analysis invalid!');
    expect(failingChecks({ 'valid?': false, stats: { 'valid?': false }, net: { 'valid?': true } })).toEqual([
      'stats',
    ]);
  });
});
