import { is } from '@glomers/protocol';
import { withJsonOverrides } from '@glomers/runtime';
import type { BroadcastOptions } from './broadcast-options';

const OVERRIDE_SHAPE = {
  overlay: is.optional(is.oneOf('given', 'star', 'tree')),
  fanout: is.optional(is.int),
  flushIntervalMs: is.optional(is.nonNegativeInt),
  reliable: is.optional(is.boolean),
  retryMs: is.optional(is.nonNegativeInt),
  ackDelayMs: is.optional(is.nonNegativeInt),
};

/** `preset` with the fields of a JSON object laid over it; unknown fields or wrong types throw. */
export function withOverrides(preset: BroadcastOptions, json: string | undefined): BroadcastOptions {
  return withJsonOverrides(preset, json, OVERRIDE_SHAPE, 'broadcast');
}
