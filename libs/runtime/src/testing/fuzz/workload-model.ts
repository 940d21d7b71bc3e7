import type { Body } from '@glomers/protocol';
import type fc from 'fast-check';

/** A request a model makes, without `msg_id` (the harness numbers it). */
export interface RequestBody {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A valid request and the reply it got, if any. */
export interface Exchange {
  readonly request: RequestBody;
  readonly reply: Body | undefined;
}

/** Sends one more request from a fresh client once the run is over, and resolves with its reply. */
export type FinalCall = (request: RequestBody) => Promise<Body | undefined>;

/**
 * What a workload's node must do, for the fuzz harness: the valid requests to mix with hostile lines, and a check
 * that every state the node acknowledged is still returned after the run.
 */
export interface WorkloadModel {
  /** Request types the node serves, and body fields it reads: what hostile lines aim at. */
  readonly types: readonly string[];
  readonly fields: readonly string[];
  readonly request: fc.Arbitrary<RequestBody>;
  /** Describes the first way the node lost or changed what it acknowledged, or undefined. */
  verify(exchanges: readonly Exchange[], call: FinalCall): Promise<string | undefined>;
}

/** The exchanges whose reply had type `type`. */
export function acknowledged(exchanges: readonly Exchange[], type: string): Exchange[] {
  return exchanges.filter((e) => e.reply?.type === type);
}
