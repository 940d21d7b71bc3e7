import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anomaliesProhibitedBy, friendlyBoundary } from '../src/elle/consistency-model';
import { CYCLE_ANOMALY_SPECS } from '../src/elle/cycle-specs';

/** Elle's `anomalies-prohibited-by` for each single model, dumped from the real Elle (dump-elle-tables.clj). */
const PROHIBITED = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'txn-elle-prohibited.json'), 'utf8'),
) as Record<string, string[]>;

describe("Elle's consistency-model algebra", () => {
  it.each(Object.keys(PROHIBITED))('%s prohibits exactly what Elle says', (model) => {
    expect([...anomaliesProhibitedBy([model])].sort()).toEqual([...PROHIBITED[model]].sort());
  });

  it('read-uncommitted prohibits G0, cyclic-versions and duplicate-elements (plus its cycle-exists check)', () => {
    expect([...anomaliesProhibitedBy(['read-uncommitted'])].sort()).toEqual([
      'G0',
      'PL-1-cycle-exists',
      'cyclic-versions',
      'duplicate-elements',
    ]);
  });

  it('read-committed adds G1a, G1b, G1c and the G1 family, not internal or lost-update', () => {
    const rc = anomaliesProhibitedBy(['read-committed']);
    for (const a of [
      'G0',
      'G1',
      'G1a',
      'G1b',
      'G1c',
      'cyclic-versions',
      'dirty-update',
      'incompatible-order',
    ]) {
      expect(rc.has(a)).toBe(true);
    }
    for (const a of ['internal', 'lost-update', 'G-single-item', 'G2-item', 'G1c-realtime'])
      expect(rc.has(a)).toBe(false);
  });

  it('strict-serializable adds realtime cycles, internal and lost-update; serializable does not add realtime', () => {
    const ss = anomaliesProhibitedBy(['strict-serializable']);
    const s = anomaliesProhibitedBy(['serializable']);
    for (const a of [
      'G-single-item-realtime',
      'G2-item-realtime',
      'G1c-realtime',
      'internal',
      'lost-update',
    ]) {
      expect(ss.has(a)).toBe(true);
    }
    expect(s.has('G2-item')).toBe(true);
    expect(s.has('G-single-item-realtime')).toBe(false);
  });

  it('reports the weakest ruled-out models under not, the stronger ones under also-not', () => {
    expect(friendlyBoundary(['G0']).not).toEqual(['read-uncommitted']);
    expect(friendlyBoundary(['G2-item']).not).toEqual(['repeatable-read']);
    expect(friendlyBoundary(['G1a'])['also-not']).toContain('strong-serializable');
  });

  it('searches cycle types in Elle’s depth order, G-single-item and G0 first', () => {
    expect(CYCLE_ANOMALY_SPECS.slice(0, 5).map(([t]) => t)).toEqual([
      'G-single-item',
      'G0',
      'G-nonadjacent-item',
      'G-single-item-process',
      'G1c',
    ]);
  });
});
