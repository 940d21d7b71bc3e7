import type { Op } from '../src/lib/history';
import { checkEcho } from '../src/workloads/echo/checker';
import { checkUniqueIds } from '../src/workloads/unique-ids/checker';

/** Builds a history from [process, type, f, value] rows. */
function history(rows: Array<[Op['process'], Op['type'], string, unknown]>): Op[] {
  return rows.map(([process, type, f, value], index) => ({
    index,
    time: index * 1000,
    process,
    type,
    f,
    value,
  }));
}

const reply = (echo: unknown) => ({ type: 'echo_ok', echo, msg_id: 2, in_reply_to: 1 });

describe('echo checker', () => {
  it('accepts replies that carry the sent value', () => {
    const h = history([
      [0, 'invoke', 'echo', 'Please echo 1'],
      [0, 'ok', 'echo', reply('Please echo 1')],
      [1, 'invoke', 'echo', 'Please echo 2'],
      [1, 'ok', 'echo', reply('Please echo 2')],
    ]);
    expect(checkEcho(h)).toEqual({ 'valid?': true, errors: [] });
  });

  it('reports an altered payload with what was sent and received', () => {
    const h = history([
      [0, 'invoke', 'echo', 'Please echo 1'],
      [0, 'ok', 'echo', reply('Please echo 1!')],
    ]);
    expect(checkEcho(h)).toEqual({
      'valid?': false,
      errors: [['Expected a message with :echo', 'Please echo 1', 'But received', reply('Please echo 1!')]],
    });
  });

  it('counts a failed echo as a mismatch but ignores info completions, as knossos pairs do', () => {
    const failed = history([
      [0, 'invoke', 'echo', 'Please echo 5'],
      [0, 'fail', 'echo', 'Please echo 5'],
    ]);
    expect(checkEcho(failed)['valid?']).toBe(false);
    const timedOut = history([
      [0, 'invoke', 'echo', 'Please echo 5'],
      [0, 'info', 'echo', 'Please echo 5'],
    ]);
    expect(checkEcho(timedOut)).toEqual({ 'valid?': true, errors: [] });
  });

  it('compares structured payloads by value', () => {
    const h = history([
      [0, 'invoke', 'echo', { a: [1, 2] }],
      [0, 'ok', 'echo', reply({ a: [1, 2] })],
      [0, 'invoke', 'echo', { a: [1, 2] }],
      [0, 'ok', 'echo', reply({ a: [2, 1] })],
    ]);
    expect((checkEcho(h)['errors'] as unknown[]).length).toBe(1);
  });
});

describe('unique-ids checker', () => {
  it('accepts distinct ids and reports counts and range', () => {
    const h = history([
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', 3],
      [1, 'invoke', 'generate', null],
      [1, 'ok', 'generate', 1],
      [2, 'invoke', 'generate', null],
      [2, 'info', 'generate', null],
    ]);
    expect(checkUniqueIds(h)).toEqual({
      'valid?': true,
      'attempted-count': 3,
      'acknowledged-count': 2,
      'duplicated-count': 0,
      duplicated: {},
      range: [1, 3],
    });
  });

  it('reports a duplicated id with its count', () => {
    const h = history([
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', 'n0-1'],
      [1, 'invoke', 'generate', null],
      [1, 'ok', 'generate', 'n0-1'],
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', 'n0-2'],
    ]);
    const result = checkUniqueIds(h);
    expect(result['valid?']).toBe(false);
    expect(result['duplicated-count']).toBe(1);
    expect(result['duplicated']).toEqual({ 'n0-1': 2 });
    expect(result['range']).toEqual(['n0-1', 'n0-2']);
  });

  it('is unknown when ids cannot be ordered (mixed kinds)', () => {
    const h = history([
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', 1],
      [1, 'invoke', 'generate', null],
      [1, 'ok', 'generate', 'a'],
    ]);
    expect(checkUniqueIds(h)['valid?']).toBe('unknown');
  });

  it('tells an integer from a float of the same value, as Maelstrom does (4 is not 4.0)', () => {
    const h = history([
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', 4],
      [1, 'invoke', 'generate', null],
      [1, 'ok', 'generate', { 'number-text': '4.0' }],
      [2, 'invoke', 'generate', null],
      [2, 'ok', 'generate', { 'number-text': '9007199254740993' }],
      [3, 'invoke', 'generate', null],
      [3, 'ok', 'generate', { 'number-text': '9007199254740992' }],
    ]);
    expect(checkUniqueIds(h)).toMatchObject({ 'valid?': true, 'duplicated-count': 0 });
  });

  it('still finds duplicates written differently: 4.0 and 4.00, or 4 and 4', () => {
    const h = history([
      [0, 'invoke', 'generate', null],
      [0, 'ok', 'generate', { 'number-text': '4.0' }],
      [1, 'invoke', 'generate', null],
      [1, 'ok', 'generate', { 'number-text': '4.00' }],
      [2, 'invoke', 'generate', null],
      [2, 'ok', 'generate', 7],
      [3, 'invoke', 'generate', null],
      [3, 'ok', 'generate', 7],
    ]);
    expect(checkUniqueIds(h)).toMatchObject({
      'valid?': false,
      'duplicated-count': 2,
      duplicated: { '4.0': 2, '7': 2 },
      range: [{ 'number-text': '4.0' }, 7],
    });
  });
});
