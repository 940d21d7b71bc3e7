import type { Json } from './json';

/** Fields every body may carry; a request has `msg_id`, a reply has `in_reply_to`. */
export interface Body {
  readonly type: string;
  readonly msg_id?: number;
  readonly in_reply_to?: number;
  readonly [field: string]: unknown;
}

/** One Maelstrom message. Maelstrom adds `id` to every message it delivers. */
export interface Message<B extends Body = Body> {
  readonly src: string;
  readonly dest: string;
  readonly body: B;
  readonly id?: number;
}

export interface ErrorBody extends Body {
  readonly type: 'error';
  readonly in_reply_to: number;
  readonly code: number;
  readonly text?: string;
}

export type { Json };
