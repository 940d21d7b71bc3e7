import { isJsonValue, isOffset, isPlainObject, type JsonValue } from './json-value';
import { KeyedLog, type LogEntry } from './keyed-log';

/** Bad input to `decodeKeyedLog`; `path` points at the offending part, e.g. `logs.a[3]`. */
export class KeyedLogDecodeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`invalid keyed log at ${path}: ${reason}`);
    this.name = 'KeyedLogDecodeError';
  }
}

/** The wire form: `{"next":n,"logs":{"k":[[offset,msg],…]},"committed":{"k":offset}}`, no whitespace. */
export interface KeyedLogJson {
  readonly next: number;
  readonly logs: { readonly [key: string]: readonly LogEntry[] };
  readonly committed: { readonly [key: string]: number };
}

export function keyedLogToJson(log: KeyedLog): KeyedLogJson {
  return {
    next: log.nextOffset,
    logs: Object.fromEntries(log.logs),
    committed: Object.fromEntries(log.committed),
  };
}

export function encodeKeyedLog(log: KeyedLog): string {
  return JSON.stringify(keyedLogToJson(log));
}

export function decodeKeyedLog(text: string): KeyedLog {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new KeyedLogDecodeError(
      '$',
      `not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return keyedLogFromJson(parsed);
}

/** Validates a parsed value: offsets are non-negative integers below `next`, strictly increasing per key. */
export function keyedLogFromJson(value: unknown): KeyedLog {
  if (!isPlainObject(value)) throw new KeyedLogDecodeError('$', 'expected an object');
  const unknownField = Object.keys(value).find((field) => !['next', 'logs', 'committed'].includes(field));
  if (unknownField !== undefined) throw new KeyedLogDecodeError(unknownField, 'unknown field');
  const { next, logs, committed } = value;
  if (!isOffset(next)) throw new KeyedLogDecodeError('next', 'expected a non-negative integer');
  if (!isPlainObject(logs)) throw new KeyedLogDecodeError('logs', 'expected an object');
  if (!isPlainObject(committed)) throw new KeyedLogDecodeError('committed', 'expected an object');
  const decodedLogs = new Map<string, readonly LogEntry[]>();
  for (const [key, entries] of Object.entries(logs)) {
    decodedLogs.set(key, decodeEntries(`logs.${key}`, entries, next));
  }
  const decodedCommitted = new Map<string, number>();
  for (const [key, offset] of Object.entries(committed)) {
    if (!isOffset(offset))
      throw new KeyedLogDecodeError(`committed.${key}`, 'expected a non-negative integer');
    decodedCommitted.set(key, offset);
  }
  return KeyedLog.of(next, decodedLogs, decodedCommitted);
}

function decodeEntries(path: string, value: unknown, next: number): readonly LogEntry[] {
  if (!Array.isArray(value)) throw new KeyedLogDecodeError(path, 'expected an array of [offset, msg]');
  const entries: LogEntry[] = [];
  let previous = -1;
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new KeyedLogDecodeError(at, 'expected [offset, msg]');
    const [offset, msg] = entry as [unknown, unknown];
    if (!isOffset(offset)) throw new KeyedLogDecodeError(at, 'offset must be a non-negative integer');
    if (offset <= previous) throw new KeyedLogDecodeError(at, 'offsets must increase strictly');
    if (offset >= next) throw new KeyedLogDecodeError(at, `offset ${offset} is not below next (${next})`);
    if (!isJsonValue(msg)) throw new KeyedLogDecodeError(at, 'msg is not a JSON value');
    entries.push([offset, msg as JsonValue]);
    previous = offset;
  });
  return entries;
}
