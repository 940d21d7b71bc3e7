import { BROADCAST_PRESETS } from './broadcast-presets';
import { withOverrides } from './broadcast-overrides';

describe('withOverrides', () => {
  it('returns the preset itself when there is nothing to override', () => {
    expect(withOverrides(BROADCAST_PRESETS.frugal, undefined)).toBe(BROADCAST_PRESETS.frugal);
    expect(withOverrides(BROADCAST_PRESETS.frugal, ' ')).toBe(BROADCAST_PRESETS.frugal);
  });

  it('lays the given fields over the preset', () => {
    expect(
      withOverrides(BROADCAST_PRESETS.frugal, '{"flushIntervalMs":200,"overlay":"tree","fanout":4}'),
    ).toEqual({
      ...BROADCAST_PRESETS.frugal,
      flushIntervalMs: 200,
      overlay: 'tree',
      fanout: 4,
    });
  });

  it.each([
    ['an unknown field', '{"flushInterval":200}', /unknown broadcast option/],
    ['a wrong type', '{"flushIntervalMs":"200"}', /flushIntervalMs/],
    ['an unknown overlay', '{"overlay":"ring"}', /overlay/],
    ['a non-object', '[1]', /JSON object/],
  ])('rejects %s', (_case, json, message) => {
    expect(() => withOverrides(BROADCAST_PRESETS.frugal, json)).toThrow(message);
  });
});
