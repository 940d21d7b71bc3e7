import { isLeaseRecord, type LeaseStore } from '../src';

// The runtime's KvClient and Node.send, restated (a domain lib may not import the runtime): if these stop fitting
// the ports, this file stops compiling and the test run fails.
type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

class KvClientShape {
  readonly calls: unknown[][] = [];
  async read<T extends Json = Json>(key: Json): Promise<T> {
    this.calls.push(['read', key]);
    return { term: 1, holder: 'n0', renewal: 0 } as unknown as T;
  }
  async write(key: Json, value: Json): Promise<void> {
    this.calls.push(['write', key, value]);
  }
  async cas(key: Json, from: Json, to: Json, createIfNotExists = false): Promise<void> {
    this.calls.push(['cas', key, from, to, createIfNotExists]);
  }
}

describe('port shapes', () => {
  it('a KvClient-shaped lin-kv client is a LeaseStore as is', async () => {
    const client = new KvClientShape();
    const store: LeaseStore = client;
    expect(isLeaseRecord(await store.read('k'))).toBe(true);
    await store.cas('k', null, { term: 1, holder: 'n1', renewal: 0 }, true);
    expect(client.calls[1]).toEqual(['cas', 'k', null, { term: 1, holder: 'n1', renewal: 0 }, true]);
  });
});
