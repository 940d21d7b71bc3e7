import { progressLine, progressSink } from '../src/cli/progress';
import type { Progress } from '../src/core/run-config';
import { consoleResults } from '../src/results/console-results';

describe('consoleResults', () => {
  it('keeps a long list of values to one line with a count of the rest', () => {
    const stale = Array.from({ length: 1240 }, (_, i) => i);
    expect(consoleResults({ workload: { 'valid?': true, stale } })).toBe(
      [
        '{',
        '  "workload": {',
        '    "valid?": true,',
        '    "stale": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … 1230 more in results.json]',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('shows the first few of a list of objects', () => {
    const errs = [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }];
    expect(consoleResults({ errs }).split('\n')).toEqual(
      [
        '{',
        '  "errs": [',
        '    {\n      "a": 1\n    },'.split('\n'),
        '    {\n      "a": 2\n    },'.split('\n'),
        '    {\n      "a": 3\n    },'.split('\n'),
        '    … 1 more in results.json',
        '  ]',
        '}',
      ].flat(),
    );
  });
});

describe('progress', () => {
  const p = (over: Partial<Progress>): Progress => ({
    elapsedS: 12.34,
    timeLimitS: 20,
    phase: 'main',
    ok: 1200,
    fail: 0,
    info: 34,
    partition: 'majority',
    ...over,
  });

  it('says ops done of the expected, elapsed time and the partition', () => {
    expect(progressLine(p({}), 2000)).toBe(
      '[glomers-bench] 12.3/20 s  ops 1234 of ~2000  ok 1200  fail 0  info 34  partition: majority',
    );
    expect(progressLine(p({ phase: 'recovery', elapsedS: 21, partition: undefined }), 2000)).toBe(
      '[glomers-bench] 21.0 s  waiting for recovery  ops 1234  ok 1200  fail 0  info 34',
    );
  });

  it('redraws one line on a terminal', () => {
    const written: string[] = [];
    const sink = progressSink((t) => written.push(t), true, 100);
    sink.update(p({}));
    sink.update(p({ ok: 1201 }));
    sink.finish();
    expect(written.map((t) => t.startsWith('\r'))).toEqual([true, true, false]);
    expect(written[2]).toBe('');
  });

  it('without a terminal, prints a line every few seconds and at each new phase', () => {
    const written: string[] = [];
    let now = 0;
    const sink = progressSink(
      (t) => written.push(t),
      false,
      100,
      () => now,
    );
    for (now = 0; now <= 12_000; now += 250) sink.update(p({ elapsedS: now / 1000 }));
    sink.update(p({ phase: 'recovery' }));
    sink.finish();
    expect(written.map((t) => t.split('  ')[0])).toEqual([
      '[glomers-bench] 0.0/20 s',
      '[glomers-bench] 5.0/20 s',
      '[glomers-bench] 10.0/20 s',
      '[glomers-bench] 12.3 s',
    ]);
  });
});
