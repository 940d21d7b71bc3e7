import { DEFAULT_TIMING } from '@glomers/replicated-log';
import { MAX_LINE_BYTES } from '@glomers/runtime';
import { MAX_POLL_BATCH } from './kafka-backend';
import { MAX_MSG_BYTES, unstorableReason } from './storable-msg';

describe('storable msgs', () => {
  it('fit a full 5c append or poll batch of the largest msgs into half an input line', () => {
    expect(Math.max(DEFAULT_TIMING.maxBatch, MAX_POLL_BATCH) * MAX_MSG_BYTES).toBeLessThanOrEqual(
      MAX_LINE_BYTES / 2,
    );
  });

  it('refuses numbers that could not be returned as sent', () => {
    expect(unstorableReason(JSON.parse('{"a":[12345678901234567890]}'))).toContain('could not be returned');
    expect(unstorableReason(JSON.parse('[1e400]'))).toContain('Infinity');
    expect(unstorableReason(JSON.parse('[9007199254740991, 0.1]'))).toBeUndefined();
  });

  it('counts UTF-8 bytes of the encoding, not characters', () => {
    expect(unstorableReason('x'.repeat(MAX_MSG_BYTES - 2))).toBeUndefined();
    expect(unstorableReason('é'.repeat(MAX_MSG_BYTES / 2))).toContain(`at most ${MAX_MSG_BYTES}`);
  });
});
