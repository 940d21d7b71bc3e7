import { is, isPlainObject, shapeError } from '@glomers/protocol';
import type { BroadcastOptions } from './broadcast-options';

const OVERRIDE_SHAPE = {
  overlay: is.optional(is.oneOf('given', 'star', 'tree')),
  fanout: is.optional(is.int),
  flushIntervalMs: is.optional(is.nonNegativeInt),
  reliable: is.optional(is.boolean),
  retryMs: is.optional(is.nonNegativeInt),
  ackDelayMs: is.optional(is.nonNegativeInt),
};

/**
 * `preset` with the fields of a JSON object laid over it (for tuning sweeps without a rebuild). Unknown fields or
 * wrong types throw, so a typo never silently runs the preset.
 */
export function withOverrides(preset: BroadcastOptions, json: string | undefined): BroadcastOptions {
  if (json === undefined || json.trim() === '') return preset;
  const parsed: unknown = JSON.parse(json);
  if (!isPlainObject(parsed)) throw new Error('broadcast overrides must be a JSON object');
  const unknown = Object.keys(parsed).filter((key) => !(key in OVERRIDE_SHAPE));
  if (unknown.length > 0) throw new Error(`unknown broadcast option(s): ${unknown.join(', ')}`);
  const problem = shapeError(parsed, OVERRIDE_SHAPE);
  if (problem) throw new Error(`broadcast overrides: ${problem}`);
  return { ...preset, ...(parsed as Partial<BroadcastOptions>) };
}
