import { is, type Body, type Shape } from '@glomers/protocol';

/**
 * Node-to-node message: new values (with a batch number when the link is reliable) and/or acknowledgements of
 * batches received from the addressee.
 */
export interface GossipBody extends Body {
  readonly type: 'gossip';
  readonly values?: readonly number[];
  readonly batch?: number;
  readonly acks?: readonly number[];
}

export const GOSSIP_SHAPE: Shape = {
  values: is.optional(is.arrayOf(is.int)),
  batch: is.optional(is.int),
  acks: is.optional(is.arrayOf(is.int)),
};
