import { argvs } from '@glomers/runtime/fuzz';
import fc from 'fast-check';
import {
  MAX_CONCURRENCY,
  MAX_NODES,
  parseTestArgs,
  TEST_OPTIONS,
  type ParsedTest,
} from '../../src/cli/test-options';
import { main } from '../../src/main';
import { WORKLOADS } from '../../src/workloads';

const workloads = [...WORKLOADS.keys()];

/**
 * Arbitrary `glomers-bench test` argument vectors. One the parser refuses (or `--help`) must end at once with exit
 * 254 (or 0) and one-line messages, never a stack trace; one it accepts must hold only values a run can use
 * (no timer overflow, no huge allocation, no node id that collides), since a run would start.
 */
export const benchOptionProperty = fc.asyncProperty(
  // Half the vectors start from a valid command line, so the checks of accepted options get exercised too.
  fc
    .tuple(fc.boolean(), argvs(TEST_OPTIONS.map((option) => option.name)))
    .map(([valid, argv]) => (valid ? ['--bin', 'node', '-w', 'echo', ...argv] : argv)),
  async (argv) => {
    const parsed = parseTestArgs(argv, workloads);
    if (parsed.ok && !parsed.parsed.help) {
      const problem = outOfRange(parsed.parsed);
      if (problem) throw new Error(`accepted ${JSON.stringify(argv)} with ${problem}`);
      return;
    }
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['test', ...argv], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      errIsTty: false,
      cwd: '/nonexistent',
    });
    if (code !== (parsed.ok ? 0 : 254)) throw new Error(`exit ${code} for ${JSON.stringify(argv)}`);
    const bad = err.find((line) => /[\n\r]/.test(line) || /\bat .+:\d+:\d+/.test(line));
    if (bad !== undefined) throw new Error(`not a one-line error: ${JSON.stringify(bad.slice(0, 300))}`);
  },
);

function outOfRange(test: ParsedTest): string | undefined {
  const { options, latency, nemesisIntervalS, seed } = test;
  const checks: Array<[string, boolean]> = [
    ['node ids', options.nodeIds.length >= 1 && options.nodeIds.length <= MAX_NODES],
    ['distinct node ids', new Set(options.nodeIds).size === options.nodeIds.length],
    [
      'concurrency',
      Number.isInteger(options.concurrency) &&
        options.concurrency >= 1 &&
        options.concurrency <= MAX_CONCURRENCY,
    ],
    ['rate', Number.isFinite(options.rate) && options.rate >= 0],
    [
      'time limit',
      Number.isInteger(options.timeLimitS) && options.timeLimitS >= 1 && options.timeLimitS * 1000 < 2 ** 31,
    ],
    ['latency', Number.isInteger(latency.meanMs) && latency.meanMs >= 0 && latency.meanMs < 2 ** 31],
    ['nemesis interval', nemesisIntervalS > 0 && nemesisIntervalS * 2000 < 2 ** 31],
    ['seed', seed === undefined || Number.isSafeInteger(seed)],
    ['max txn length', Number.isInteger(options.maxTxnLength) && options.maxTxnLength >= 1],
    [
      'key count',
      options.keyCount === undefined || (Number.isInteger(options.keyCount) && options.keyCount >= 1),
    ],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}
