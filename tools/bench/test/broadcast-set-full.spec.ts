import type { Op } from '../src/lib/history';
import { checkBroadcast, frequencyDistribution } from '../src/workloads/broadcast/set-full-checker';

/** [process, type, f, value, time in ms] — indexes are assigned in order, times converted to ns. */
type Event = [Op['process'], Op['type'], string, unknown, number];

function history(...events: Event[]): Op[] {
  return events.map(([process, type, f, value, ms], index) => ({
    index,
    time: ms * 1_000_000,
    process,
    type,
    f,
    value,
  }));
}

const ZERO_LATENCIES = { '0': 0, '0.5': 0, '0.95': 0, '0.99': 0, '1': 0 };

describe('set-full checker (broadcast)', () => {
  it('accepts a value every later read sees, with zero stable latency', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'ok', 'broadcast', 0, 2],
      [1, 'invoke', 'read', null, 3],
      [1, 'ok', 'read', [0], 4],
    );
    expect(checkBroadcast(h)).toEqual({
      'valid?': true,
      'attempt-count': 1,
      'stable-count': 1,
      'lost-count': 0,
      lost: [],
      'never-read-count': 0,
      'never-read': [],
      'stale-count': 0,
      stale: [],
      'worst-stale': [],
      'stable-latencies': ZERO_LATENCIES,
      'duplicated-count': 0,
      duplicated: {},
    });
  });

  it('reports a lost value: acknowledged, seen, then missing from a later read', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 10],
      [0, 'ok', 'broadcast', 0, 20],
      [1, 'invoke', 'read', null, 30],
      [1, 'ok', 'read', [0], 31],
      [1, 'invoke', 'read', null, 1000],
      [1, 'ok', 'read', [], 1001],
    );
    const result = checkBroadcast(h);
    expect(result['valid?']).toBe(false);
    expect(result['lost-count']).toBe(1);
    expect(result['lost']).toEqual([0]);
    expect(result['stable-count']).toBe(0);
    // lost time = invocation of the last read that had it + 1 ns (30 ms) − known (20 ms) → 10 ms.
    expect(result['lost-latencies']).toEqual({ '0': 10, '0.5': 10, '0.95': 10, '0.99': 10, '1': 10 });
    expect(result).not.toHaveProperty('stable-latencies');
  });

  it('reports a value acknowledged but never seen, when a read invoked after the ack misses it, as lost', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 10],
      [0, 'ok', 'broadcast', 0, 20],
      [1, 'invoke', 'read', null, 30],
      [1, 'ok', 'read', [], 31],
    );
    const result = checkBroadcast(h);
    expect(result['valid?']).toBe(false);
    expect(result['lost']).toEqual([0]);
    // No read ever had it: lost time 0, latency max(0, 0 − known) = 0.
    expect(result['lost-latencies']).toEqual(ZERO_LATENCIES);
  });

  it('reports a stale value with its stable latency, truncated to whole ms', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 10],
      [0, 'ok', 'broadcast', 0, 10.5],
      [1, 'invoke', 'read', null, 250.9],
      [1, 'ok', 'read', [], 251],
      [1, 'invoke', 'read', null, 900],
      [1, 'ok', 'read', [0], 901],
    );
    const result = checkBroadcast(h);
    expect(result['valid?']).toBe(true);
    expect(result['stale-count']).toBe(1);
    expect(result['stale']).toEqual([0]);
    // (250.9 ms + 1 ns) − 10.5 ms = 240.400001 ms → 240.
    expect(result['stable-latencies']).toEqual({ '0': 240, '0.5': 240, '0.95': 240, '0.99': 240, '1': 240 });
    expect(result['worst-stale']).toEqual([
      // As in Maelstrom, the broadcast shows up renamed to the set's `add`.
      {
        element: 0,
        outcome: 'stable',
        'stable-latency': 240,
        'lost-latency': null,
        known: { ...h[1], f: 'add' },
        'last-absent': h[2],
      },
    ]);
  });

  it('calls a value never-read when the only read missing it was concurrent with the ack, and is unknown then', () => {
    const h = history(
      [1, 'invoke', 'read', null, 1],
      [0, 'invoke', 'broadcast', 0, 2],
      [0, 'ok', 'broadcast', 0, 3],
      [1, 'ok', 'read', [], 4],
    );
    const result = checkBroadcast(h);
    expect(result['never-read']).toEqual([0]);
    expect(result['never-read-count']).toBe(1);
    expect(result['lost-count']).toBe(0);
    expect(result['valid?']).toBe('unknown');
  });

  it('is unknown when nothing is stable (no reads at all), and counts unacknowledged values as never-read', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'ok', 'broadcast', 0, 2],
      [0, 'invoke', 'broadcast', 1, 3],
      [0, 'info', 'broadcast', 1, 5003],
    );
    const result = checkBroadcast(h);
    expect(result['valid?']).toBe('unknown');
    expect(result['attempt-count']).toBe(2);
    expect(result['never-read']).toEqual([0, 1]);
    expect(result).not.toHaveProperty('stable-latencies');
    expect(result).not.toHaveProperty('lost-latencies');
  });

  it('does not call an unacknowledged value lost when reads miss it', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'info', 'broadcast', 0, 5001],
      [1, 'invoke', 'read', null, 6000],
      [1, 'ok', 'read', [], 6001],
    );
    expect(checkBroadcast(h)).toMatchObject({ 'never-read': [0], 'lost-count': 0, 'valid?': 'unknown' });
  });

  it('takes the first read that saw a value as its known time when the broadcast itself timed out', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [1, 'invoke', 'read', null, 100],
      [1, 'ok', 'read', [0], 101],
      [0, 'info', 'broadcast', 0, 5001],
    );
    const result = checkBroadcast(h);
    expect(result['stable-count']).toBe(1);
    expect(result['valid?']).toBe(true);
  });

  it('lets a read that completes after a broadcast was invoked count for it, even if invoked before', () => {
    const h = history(
      [1, 'invoke', 'read', null, 1],
      [0, 'invoke', 'broadcast', 0, 2],
      [1, 'ok', 'read', [0], 3],
      [0, 'ok', 'broadcast', 0, 4],
    );
    const result = checkBroadcast(h);
    expect(result['stable-count']).toBe(1);
    // Known is the read's completion (index 2), earlier than the broadcast's ack.
    expect(result['stable-latencies']).toEqual(ZERO_LATENCIES);
  });

  it('ignores a read completed before the broadcast was invoked', () => {
    const h = history(
      [1, 'invoke', 'read', null, 1],
      [1, 'ok', 'read', [], 2],
      [0, 'invoke', 'broadcast', 0, 3],
      [0, 'ok', 'broadcast', 0, 4],
    );
    expect(checkBroadcast(h)).toMatchObject({ 'never-read': [0], 'valid?': 'unknown' });
  });

  it('never flags duplicates inside a read (Jepsen compares the count with < 1)', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'ok', 'broadcast', 0, 2],
      [1, 'invoke', 'read', null, 3],
      [1, 'ok', 'read', [0, 0, 0], 4],
    );
    expect(checkBroadcast(h)).toMatchObject({ 'valid?': true, 'duplicated-count': 0, duplicated: {} });
  });

  it('ignores read values that were never broadcast, failed reads and nemesis ops', () => {
    const h = history(
      ['nemesis', 'info', 'start-partition', 'majority', 0],
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'ok', 'broadcast', 0, 2],
      [1, 'invoke', 'read', null, 3],
      [1, 'ok', 'read', [0, 99, 'x', { a: 1 }], 4],
      [1, 'invoke', 'read', null, 5],
      [1, 'fail', 'read', null, 6],
      ['nemesis', 'info', 'start-partition', ['isolated', {}], 7],
    );
    expect(checkBroadcast(h)).toMatchObject({
      'valid?': true,
      'attempt-count': 1,
      'stable-count': 1,
      'lost-count': 0,
    });
  });

  it('treats a null read (a Go nil slice) as an empty one', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 1],
      [0, 'ok', 'broadcast', 0, 2],
      [1, 'invoke', 'read', null, 3],
      [1, 'ok', 'read', null, 4],
    );
    expect(checkBroadcast(h)).toMatchObject({ 'valid?': false, lost: [0] });
  });

  it('calls a value stable again once a later read sees it after a miss', () => {
    const h = history(
      [0, 'invoke', 'broadcast', 0, 0],
      [0, 'ok', 'broadcast', 0, 1],
      [1, 'invoke', 'read', null, 2],
      [1, 'ok', 'read', [0], 3],
      [1, 'invoke', 'read', null, 4],
      [1, 'ok', 'read', [], 5],
      [1, 'invoke', 'read', null, 6],
      [1, 'ok', 'read', [0], 7],
    );
    // Stable since the last miss; latency from known (1 ms) to that miss's invocation (4 ms) + 1 ns → 3 ms.
    expect(checkBroadcast(h)).toMatchObject({ 'valid?': true, stale: [0], 'stable-latencies': { '1': 3 } });
  });

  it('orders worst-stale by latency descending, ties with the larger element first, at most 8', () => {
    const events: Event[] = [];
    for (let v = 0; v < 10; v++) {
      events.push([0, 'invoke', 'broadcast', v, 0], [0, 'ok', 'broadcast', v, 0]);
    }
    // Reads invoked at 10, 20, … each see one more value; all ten are stale with latencies 10, 20, 20, 30, …
    const latencies = [10, 20, 20, 30, 40, 50, 60, 70, 80, 90];
    latencies.forEach((ms, i) => {
      events.push(
        [1, 'invoke', 'read', null, ms],
        [1, 'ok', 'read', latencies.slice(0, i).map((_, j) => j), ms],
      );
    });
    events.push([1, 'invoke', 'read', null, 1000], [1, 'ok', 'read', latencies.map((_, j) => j), 1001]);
    const result = checkBroadcast(history(...events));
    const worst = result['worst-stale'] as Array<{ element: number; 'stable-latency': number }>;
    expect(worst.map((w) => [w.element, w['stable-latency']])).toEqual([
      [9, 90],
      [8, 80],
      [7, 70],
      [6, 60],
      [5, 50],
      [4, 40],
      [3, 30],
      [2, 20],
    ]);
    expect(result['stale']).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result['stable-latencies']).toEqual({ '0': 10, '0.5': 50, '0.95': 90, '0.99': 90, '1': 90 });
  });
});

describe('frequency-distribution', () => {
  it('takes index min(n−1, ⌊n·q⌋) of the sorted values', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 19 - i);
    expect(frequencyDistribution(twenty)).toEqual({ '0': 0, '0.5': 10, '0.95': 19, '0.99': 19, '1': 19 });
    const hundred = Array.from({ length: 100 }, (_, i) => i * 2);
    expect(frequencyDistribution(hundred)).toEqual({
      '0': 0,
      '0.5': 100,
      '0.95': 190,
      '0.99': 198,
      '1': 198,
    });
    expect(frequencyDistribution([7, 3])).toEqual({ '0': 3, '0.5': 7, '0.95': 7, '0.99': 7, '1': 7 });
  });
});
