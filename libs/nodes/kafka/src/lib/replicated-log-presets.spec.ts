import { EFFICIENT_LOG_TIMING, replicatedLogOptions } from './replicated-log-presets';

describe('replicatedLogOptions', () => {
  it('uses the preset when nothing overrides it', () => {
    expect(replicatedLogOptions(EFFICIENT_LOG_TIMING)).toEqual({ timing: EFFICIENT_LOG_TIMING });
  });

  it('lays JSON fields over the preset', () => {
    expect(replicatedLogOptions(EFFICIENT_LOG_TIMING, '{"lingerMs":7,"retryMs":150}')).toEqual({
      timing: { ...EFFICIENT_LOG_TIMING, lingerMs: 7, retryMs: 150 },
    });
  });

  it.each([
    ['an unknown field', '{"linger":7}', /unknown replicated-log timing option/],
    ['a negative value', '{"lingerMs":-1}', /lingerMs/],
    ['a non-object', '7', /JSON object/],
  ])('rejects %s', (_case, json, message) => {
    expect(() => replicatedLogOptions(EFFICIENT_LOG_TIMING, json)).toThrow(message);
  });
});
