import fc from 'fast-check';
import { AWKWARD_NUMBERS } from './hostile-lines';

/** Values an option may be given: numbers on every edge, lists, names, empty, control characters, huge text. */
const optionValue = fc.oneof(
  fc.constantFrom(
    ...AWKWARD_NUMBERS,
    '-1',
    '0n',
    '1n',
    '3n',
    '99999999999n',
    '99999999999',
    '1e309',
    '0x10',
    '',
  ),
  fc.constantFrom(
    'abc',
    'total',
    'partition',
    'kill',
    'echo',
    'kafka',
    'grid',
    'uniform',
    'n1,n1',
    'c1',
    'seq-kv',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'x'.repeat(n)),
);

/**
 * Argument vectors for a command-line parser that knows `options` (long names, without dashes): options alone, with
 * a value, with `=value`, short flags, `--`, and stray words, in any order.
 */
export function argvs(options: readonly string[]): fc.Arbitrary<string[]> {
  const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...options) }, fc.string({ maxLength: 8 }));
  const word = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(name, optionValue).map(([n, v]) => [`--${n}`, v]) },
    { weight: 2, arbitrary: fc.tuple(name, optionValue).map(([n, v]) => [`--${n}=${v}`]) },
    { weight: 1, arbitrary: name.map((n) => [`--${n}`]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('-w', '-n', '-h', '-x', '--', '-'), optionValue) },
    { weight: 1, arbitrary: optionValue.map((v) => [v]) },
  );
  return fc.array(word, { maxLength: 10 }).map((words) => words.flat());
}
