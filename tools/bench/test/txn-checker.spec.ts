import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History, Op, OpType } from '../src/lib/history';
import { checkTxnRwRegister } from '../src/workloads/txn-rw-register/maelstrom-checker';
import { checkRwRegister } from '../src/elle/check';
import { elleFiles } from '../src/workloads/txn-rw-register/files';
import { ANOMALY_CASES, history } from './fixtures/txn-histories';

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('missing');
  return x;
}

const check = (h: History, models: readonly string[]) =>
  checkTxnRwRegister(h, { consistencyModels: models }).result;

describe('txn-rw-register checker: one hand-made history per anomaly type, and its clean twin', () => {
  it.each(ANOMALY_CASES)('$name', (c) => {
    const bad = check(c.anomalous, c.models);
    expect(bad['valid?']).toBe(false);
    expect(bad['anomaly-types']).toEqual(c.types);
    const good = check(c.twin, c.models);
    expect(good).toEqual({ 'valid?': true, 'anomaly-types': [], anomalies: null });
  });
});

describe('cycle explanations', () => {
  const byName = (prefix: string) => must(ANOMALY_CASES.find((c) => c.name.startsWith(prefix)));

  it('G1c: names both txns and both wr steps with their keys and values', () => {
    const r = check(byName('G1c').anomalous, ['read-committed']);
    const [cycle] = (r.anomalies as Record<string, Array<{ cycle: Op[]; steps: unknown[] }>>)['G1c'];
    expect(cycle.cycle.map((op) => op.index)).toEqual([2, 3, 2]);
    expect(cycle.steps).toEqual([
      { type: 'wr', key: 'x', value: 1, 'a-mop-index': 0, 'b-mop-index': 1 },
      { type: 'wr', key: 'y', value: 1, 'a-mop-index': 0, 'b-mop-index': 1 },
    ]);
  });

  it('G-single-item: one rw step (read of nil, later write of 1) closes a wr step', () => {
    const r = check(byName('G-single-item (').anomalous, ['serializable']);
    const [cycle] = (r.anomalies as Record<string, Array<{ steps: Array<{ type: string }> }>>)[
      'G-single-item'
    ];
    expect(cycle.steps.map((s) => s.type).sort()).toEqual(['rw', 'wr']);
    expect(cycle.steps).toContainEqual({
      type: 'rw',
      key: 'y',
      value: null,
      "value'": 1,
      'a-mop-index': 1,
      'b-mop-index': 1,
    });
  });

  it('realtime steps say which op completed before which invocation', () => {
    const r = check(byName('G-single-item-realtime').anomalous, ['strict-serializable']);
    const [cycle] = (r.anomalies as Record<string, Array<{ steps: Array<Record<string, unknown>> }>>)[
      'G-single-item-realtime'
    ];
    const realtime = cycle.steps.find((s) => s['type'] === 'realtime') as Record<string, Op>;
    expect(realtime["a'"].index).toBe(1);
    expect(realtime['b'].index).toBe(2);
  });

  it('writes Elle-style text and an SVG per cycle, only for reportable cycle types', () => {
    const h = byName('G1c').anomalous;
    const { analysis } = checkRwRegister(h, { consistencyModels: ['read-committed'] });
    const files = elleFiles(must(analysis), { consistencyModels: ['read-committed'] });
    expect(files.map((f) => f.path)).toEqual(['elle/G1c.txt', 'elle/G1c/0.svg']);
    expect(files[0].content).toContain('G1c #0\nLet:\n  T1 = {:index 2,');
    expect(files[0].content).toContain('  - T1 < T2, because T1 wrote "x" = 1, which was read by T2.\n');
    expect(files[0].content).toContain(
      '  - However, T2 < T1, because T2 wrote "y" = 1, which was read by T1: a contradiction!',
    );
    expect(files[1].content).toMatch(/^<svg .*wr &quot;x&quot;/s);
    const ru = elleFiles(must(checkRwRegister(h, { consistencyModels: ['read-uncommitted'] }).analysis), {
      consistencyModels: ['read-uncommitted'],
    });
    expect(ru).toEqual([]);
  });

  it('describes non-cycle anomalies in elle/anomalies.txt', () => {
    const h = byName('G1a').anomalous;
    const files = elleFiles(must(checkRwRegister(h, { consistencyModels: ['read-committed'] }).analysis), {
      consistencyModels: ['read-committed'],
    });
    expect(files).toHaveLength(1);
    expect(files[0].path).toBe('elle/anomalies.txt');
    expect(files[0].content).toMatch(
      /^G1a \(1\)\n {2}- \{:index 5.* read "x" = 1, written by the failed \(aborted\) \{:index 1,/,
    );
  });
});

describe('Maelstrom wrapper and Elle result shape', () => {
  it('G1a is invisible at read-uncommitted and fails read-committed, with Elle’s not/also-not boundary', () => {
    const h = ANOMALY_CASES[0].anomalous;
    expect(check(h, ['read-uncommitted'])['valid?']).toBe(true);
    const r = check(h, ['read-committed']);
    expect(r['not']).toEqual(['read-committed']);
    expect(r['also-not']).toContain('serializable');
    expect(r['also-not']).toContain('strong-serializable');
    expect(r['also-not']).not.toContain('read-uncommitted');
  });

  it('empty-transaction-graph is Elle’s unknown, which Maelstrom turns into invalid', () => {
    const h = history([{ p: 0, txn: [['w', 'x', 1]] }]);
    const { result } = checkRwRegister(h, { consistencyModels: ['read-committed'] });
    expect(result['valid?']).toBe('unknown');
    expect(check(h, ['read-committed'])).toMatchObject({
      'valid?': false,
      'anomaly-types': ['empty-transaction-graph'],
    });
  });

  it('a value written by two ok txns and read makes the check unknown, as Elle throws', () => {
    const h = history([
      { p: 0, txn: [['w', 'x', 1]] },
      { p: 1, txn: [['w', 'x', 1]] },
      { p: 2, txn: [['r', 'x', 1]] },
    ]);
    const r = check(h, ['read-committed']);
    expect(r['valid?']).toBe('unknown');
    expect(String(r['error'])).toMatch(/Key "x" had value 1 written by more than one op/);
  });

  it('serializable allows the stale read that strict-serializable forbids', () => {
    const h = must(ANOMALY_CASES.find((c) => c.name.startsWith('G-single-item-realtime'))).anomalous;
    expect(check(h, ['serializable'])['valid?']).toBe(true);
    expect(check(h, ['strict-serializable'])['valid?']).toBe(false);
  });

  it('rejects unknown consistency models instead of passing silently', () => {
    expect(check(ANOMALY_CASES[0].twin, ['read-comitted'])['valid?']).toBe('unknown');
  });
});

interface Golden {
  readonly models: string[];
  readonly ops: Array<[string, number, unknown]>;
  readonly elle: Record<string, unknown>;
}

const TYPES: Record<string, OpType> = { i: 'invoke', o: 'ok', f: 'fail' };

describe('agrees with real Elle (Maelstrom’s classpath) on random buggy histories', () => {
  const golden = JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'txn-elle-golden.json'), 'utf8'),
  ) as Golden[];
  it.each(golden.map((g, i) => [i, g] as const))('case %i', (_, g) => {
    const h: Op[] = g.ops.map(([t, process, value], index) => ({
      index,
      time: index,
      process,
      type: TYPES[t] ?? 'info',
      f: 'txn',
      value,
    }));
    const { result } = (() => {
      try {
        return checkRwRegister(h, { consistencyModels: g.models });
      } catch (e) {
        return { result: { error: String(e) } as Record<string, unknown> };
      }
    })();
    if ('error' in g.elle) {
      expect(result).toHaveProperty('error');
      return;
    }
    const r = result as Record<string, unknown>;
    expect(r['valid?']).toBe(g.elle['valid?']);
    expect(r['anomaly-types'] ?? []).toEqual(g.elle['anomaly-types']);
    expect(r['not'] ?? []).toEqual(g.elle['not']);
    expect(r['also-not'] ?? []).toEqual(g.elle['also-not']);
    const counts = Object.fromEntries(
      Object.entries((r['anomalies'] as Record<string, unknown>) ?? {}).map(([t, v]) => [
        t,
        Array.isArray(v) ? v.length : v,
      ]),
    );
    expect(counts).toEqual(g.elle['counts']);
  });
});
