import type { Json, KafkaEntry } from '@glomers/protocol';
import {
  append,
  commitAll,
  committedOffset,
  emptyKeyedLog,
  readFrom,
  type KeyedLog,
} from '@glomers/replicated-log';
import { injectable } from 'inversify';
import { MAX_POLL_BATCH, type KafkaBackend } from './kafka-backend';

/** One node's in-memory log (challenge 5a): nothing to coordinate with. */
@injectable()
export class LocalLogBackend implements KafkaBackend {
  private log: KeyedLog = emptyKeyedLog;

  async send(key: string, msg: Json): Promise<number> {
    const appended = append(this.log, key, msg);
    this.log = appended.log;
    return appended.offset;
  }

  async poll(offsets: Readonly<Record<string, number>>): Promise<Record<string, KafkaEntry[]>> {
    const msgs: Record<string, KafkaEntry[]> = {};
    for (const [key, from] of Object.entries(offsets)) {
      const entries = readFrom(this.log, key, from, MAX_POLL_BATCH);
      if (entries.length > 0) msgs[key] = [...entries];
    }
    return msgs;
  }

  async commit(offsets: Readonly<Record<string, number>>): Promise<void> {
    this.log = commitAll(this.log, Object.entries(offsets)).log;
  }

  async committed(keys: readonly string[]): Promise<Record<string, number>> {
    const offsets: Record<string, number> = {};
    for (const key of keys) {
      const offset = committedOffset(this.log, key);
      if (offset !== undefined) offsets[key] = offset;
    }
    return offsets;
  }
}
