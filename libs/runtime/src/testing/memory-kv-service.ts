import type { Random } from '../lib/ports';

type Body = Record<string, unknown>;
type State = ReadonlyMap<string, unknown>;

/**
 * Maelstrom's KV services for in-process tests. `lin` is one atomic map. `seq` follows seq-kv as Maelstrom
 * implements it: each caller reads from a random state no older than the last one it saw, and an update that
 * changes the map applies to the newest state and moves the caller there.
 */
export class MemoryKvService {
  private readonly states: State[] = [new Map()];
  private readonly positions = new Map<string, number>();

  constructor(
    readonly mode: 'lin' | 'seq',
    private readonly random?: Random,
  ) {}

  /** The newest value of `key`, for assertions. */
  peek(key: unknown): unknown {
    return this.newest.get(JSON.stringify(key));
  }

  /** Handles one request from `caller`; returns the reply body without `in_reply_to`. */
  handle(caller: string, body: Body): Body | undefined {
    const last = this.states.length - 1;
    const from = this.mode === 'lin' ? last : (this.positions.get(caller) ?? 0);
    const index = this.mode === 'lin' || !this.random ? last : from + this.random.int(last - from + 1);
    const { reply, next } = apply(this.states[index], body);
    if (next === undefined) {
      this.positions.set(caller, index);
      return reply;
    }
    const applied = apply(this.newest, body);
    if (applied.next !== undefined) this.states.push(applied.next);
    this.positions.set(caller, this.states.length - 1);
    return applied.reply;
  }

  private get newest(): State {
    return this.states[this.states.length - 1];
  }
}

function apply(state: State, body: Body): { reply: Body | undefined; next?: State } {
  const key = JSON.stringify(body['key']);
  const current = state.get(key);
  const missing = !state.has(key);
  const set = (value: unknown) => new Map(state).set(key, value);
  switch (body['type']) {
    case 'read':
      return missing
        ? { reply: error(20, 'key does not exist') }
        : { reply: { type: 'read_ok', value: current } };
    case 'write':
      return same(current, body['value']) && !missing
        ? { reply: { type: 'write_ok' } }
        : { reply: { type: 'write_ok' }, next: set(body['value']) };
    case 'cas':
      if (missing) {
        return body['create_if_not_exists'] === true
          ? { reply: { type: 'cas_ok' }, next: set(body['to']) }
          : { reply: error(20, 'key does not exist') };
      }
      if (!same(current, body['from']))
        return { reply: error(22, `current value ${JSON.stringify(current)}`) };
      return same(current, body['to'])
        ? { reply: { type: 'cas_ok' } }
        : { reply: { type: 'cas_ok' }, next: set(body['to']) };
    default:
      return { reply: undefined };
  }
}

function error(code: number, text: string): Body {
  return { type: 'error', code, text };
}

/** Structural JSON equality, as Maelstrom compares keys and values. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
