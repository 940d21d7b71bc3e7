import type { Json, KafkaEntry } from '@glomers/protocol';
import { KeyedLog } from '@glomers/replicated-log';
import { injectable } from 'inversify';
import type { KafkaBackend } from './kafka-backend';
import { committedInKeyedLog, pollKeyedLog } from './keyed-log-reads';

/** One node's in-memory log (challenge 5a): nothing to coordinate with. */
@injectable()
export class LocalLogBackend implements KafkaBackend {
  private log = KeyedLog.empty();

  async send(key: string, msg: Json): Promise<number> {
    const appended = this.log.append(key, msg);
    this.log = appended.log;
    return appended.offset;
  }

  async poll(offsets: Readonly<Record<string, number>>): Promise<Record<string, KafkaEntry[]>> {
    return pollKeyedLog(this.log, offsets);
  }

  async commit(offsets: Readonly<Record<string, number>>): Promise<void> {
    this.log = this.log.commitAll(Object.entries(offsets)).log;
  }

  async committed(keys: readonly string[]): Promise<Record<string, number>> {
    return committedInKeyedLog(this.log, keys);
  }
}
