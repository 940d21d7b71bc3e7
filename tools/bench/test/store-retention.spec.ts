import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepRuns, pruneRuns } from '../src/results/retention';

describe('store retention', () => {
  let store: string;
  const run = (name: string) => {
    const dir = join(store, 'echo', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'jepsen.log'), '');
    return dir;
  };
  beforeEach(() => (store = mkdtempSync(join(tmpdir(), 'store-'))));
  afterEach(() => rmSync(store, { recursive: true, force: true }));

  it('keeps the newest N run folders of a row and deletes the older ones', () => {
    const runs = ['a', 'b', 'c', 'd'].map(run);
    expect(pruneRuns(store, runs, 2)).toEqual(runs.slice(0, 2));
    expect(runs.map((d) => existsSync(d))).toEqual([false, false, true, true]);
  });

  it('never deletes outside the store, nor a folder that is not a run', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'jepsen.log'), '');
    const notARun = join(store, 'echo', 'notes');
    mkdirSync(notARun, { recursive: true });
    expect(pruneRuns(store, [outside, notARun, run('x')], 1)).toEqual([]);
    expect(existsSync(outside) && existsSync(notARun)).toBe(true);
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads GLOMERS_KEEP_RUNS, falling back to 3 on anything but a whole number from 1', () => {
    expect(keepRuns({ GLOMERS_KEEP_RUNS: '5' })).toBe(5);
    expect(keepRuns({ GLOMERS_KEEP_RUNS: '0' })).toBe(3);
    expect(keepRuns({ GLOMERS_KEEP_RUNS: 'all' })).toBe(3);
    expect(keepRuns({})).toBe(3);
  });
});
