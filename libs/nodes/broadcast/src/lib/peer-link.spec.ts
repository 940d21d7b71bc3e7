import { PeerLink } from './peer-link';

describe('PeerLink', () => {
  const timing = { retryMs: 1000, ackDelayMs: 200 };

  it('sends nothing until there is something to send', () => {
    expect(new PeerLink(timing).flush(0)).toBeUndefined();
  });

  it('sends queued values once, as one numbered batch', () => {
    const link = new PeerLink(timing);
    link.enqueue([1, 2]);
    link.enqueue([2, 3]);
    expect(link.flush(0)).toEqual({ type: 'gossip', batch: 1, values: [1, 2, 3] });
    expect(link.flush(10)).toBeUndefined();
  });

  it('resends an unacknowledged batch after retryMs, and not after it is acknowledged', () => {
    const link = new PeerLink(timing);
    link.enqueue([7]);
    link.flush(0);
    expect(link.flush(999)).toBeUndefined();
    expect(link.flush(1000)).toEqual({ type: 'gossip', batch: 2, values: [7] });
    link.acknowledged([2]);
    expect(link.flush(5000)).toBeUndefined();
    expect(link.idle).toBe(true);
  });

  it('piggybacks owed acknowledgements on the next batch', () => {
    const link = new PeerLink(timing);
    link.received(4, 0);
    link.received(5, 10);
    link.enqueue([9]);
    expect(link.flush(20)).toEqual({ type: 'gossip', batch: 1, values: [9], acks: [4, 5] });
  });

  it('sends a bare acknowledgement only after ackDelayMs without a batch to carry it', () => {
    const link = new PeerLink(timing);
    link.received(4, 100);
    expect(link.flush(299)).toBeUndefined();
    expect(link.flush(300)).toEqual({ type: 'gossip', acks: [4] });
    expect(link.flush(301)).toBeUndefined();
  });

  it('without reliability sends plain values and keeps no state', () => {
    const link = new PeerLink(undefined);
    link.enqueue([1]);
    expect(link.flush(0)).toEqual({ type: 'gossip', values: [1] });
    expect(link.idle).toBe(true);
  });
});
