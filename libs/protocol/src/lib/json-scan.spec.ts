import { nestsDeeperThan, scanEnvelope } from './json-scan';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets in strings', () => {
    expect(nestsDeeperThan('[[{"a":[1]}]]', 4)).toBe(false);
    expect(nestsDeeperThan('[[{"a":[1]}]]', 3)).toBe(true);
    expect(nestsDeeperThan('["[[[[", "\\"[[[["]', 1)).toBe(false);
  });
});

describe('scanEnvelope', () => {
  it('finds src, dest and the raw msg_id of the body, however deep the rest nests', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(
      scanEnvelope(`{"src":"c1", "body":{"echo":${deep},"msg_id" : 12345678901234567890},"dest":"n0"}`),
    ).toEqual({ src: 'c1', dest: 'n0', msgIdText: '12345678901234567890' });
  });

  it('ignores fields of the same name that are not at the envelope or body level', () => {
    const text = '{"x":{"src":"c9","msg_id":1},"body":{"y":{"msg_id":2},"msg_id":3},"src":"c1"}';
    expect(scanEnvelope(text)).toEqual({ src: 'c1', msgIdText: '3' });
    expect(scanEnvelope('{"src":"c1","body":[{"msg_id":4}]}')).toEqual({ src: 'c1' });
  });

  it('decodes escaped keys and values, and keeps the last of repeated keys as JSON.parse does', () => {
    expect(scanEnvelope('{"\\u0073rc":"c\\"1","src":"c2","body":{"msg_id":5}}')).toEqual({
      src: 'c2',
      msgIdText: '5',
    });
    expect(scanEnvelope('{"src":"c\\"1"}')).toEqual({ src: 'c"1' });
  });

  it('finds nothing in text that is not an envelope, and never throws', () => {
    for (const text of ['', '"src"', '[1,2]', '{"src":', '{"src":"c1', '}}}', '{"body":{"msg_id":']) {
      expect(() => scanEnvelope(text)).not.toThrow();
    }
    expect(scanEnvelope('{"src":"c1')).toEqual({});
  });
});
