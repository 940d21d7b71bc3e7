import type { Json, KafkaEntry } from '@glomers/protocol';
import type { Node } from '@glomers/runtime';

/** Where a kafka node keeps its logs; each challenge binds one. */
export interface KafkaBackend {
  /** Appends `msg` to `key`'s log; resolves with its offset once it is durable under the backend's design. */
  send(key: string, msg: Json): Promise<number>;
  /** For each key, the entries at or after its offset, ascending and without gaps; keys with none may be left out. */
  poll(offsets: Readonly<Record<string, number>>): Promise<Record<string, KafkaEntry[]>>;
  /** Records consumer commits; a key's committed offset never moves backwards. */
  commit(offsets: Readonly<Record<string, number>>): Promise<void>;
  /** Committed offsets of `keys`; keys with no commit are left out (the client then starts at 0). */
  committed(keys: readonly string[]): Promise<Record<string, number>>;
  /** Hooks a backend that talks to peers into the node (handlers, timers after init). */
  register?(node: Node): void;
}

export const KAFKA_BACKEND = Symbol.for('glomers.KafkaBackend');

/** Most entries one poll returns per key. */
export const MAX_POLL_BATCH = 100;
