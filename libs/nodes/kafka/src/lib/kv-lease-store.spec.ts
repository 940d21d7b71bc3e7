import { KvClient, RpcTimeoutError, SimNetwork } from '@glomers/runtime';
import { KvLeaseStore } from './kv-lease-store';

/** A lease store on the simulated lin-kv service, as a node of the replicated log uses it. */
function setup(): { net: SimNetwork; store: KvLeaseStore } {
  const net = new SimNetwork(['n0'], [], { latencyMs: 1 });
  return { net, store: new KvLeaseStore(new KvClient(net.node('n0'), 'lin-kv', { timeoutMs: 100 })) };
}

/** Lets the request reach lin-kv and its reply come back. */
async function settle<T>(net: SimNetwork, pending: Promise<T>): Promise<T> {
  await net.time.run(10);
  return pending;
}

const lease = (term: number, renewal = 0) => ({ term, holder: 'n0', renewal });

describe('KvLeaseStore over lin-kv', () => {
  it('reads a key never written as undefined, and a written one as its record', async () => {
    const { net, store } = setup();
    await expect(settle(net, store.read('leader'))).resolves.toBeUndefined();
    await expect(settle(net, store.cas('leader', null, lease(1), true))).resolves.toBe(true);
    await expect(settle(net, store.read('leader'))).resolves.toEqual(lease(1));
  });

  it('answers false to a cas lin-kv refuses: a missing key without create, or another value', async () => {
    const { net, store } = setup();
    await expect(settle(net, store.cas('leader', lease(1), lease(2), false))).resolves.toBe(false);
    await settle(net, store.cas('leader', null, lease(1), true));
    await expect(settle(net, store.cas('leader', lease(7), lease(8), false))).resolves.toBe(false);
    await expect(settle(net, store.cas('leader', lease(1), lease(1, 1), false))).resolves.toBe(true);
    await expect(settle(net, store.read('leader'))).resolves.toEqual(lease(1, 1));
  });

  it('rejects when lin-kv does not answer in time: the cas may have applied', async () => {
    const { net, store } = setup();
    net.partition(new Map([['lin-kv', new Set(['n0'])]]));
    const cas = store.cas('leader', null, lease(1), true);
    const rejected = expect(cas).rejects.toBeInstanceOf(RpcTimeoutError);
    await net.time.run(200);
    await rejected;
  });
});
