import { PeerOutbox } from './peer-outbox';

const ids = () => {
  let n = 0;
  return () => ++n;
};

describe('PeerOutbox', () => {
  it('coalesces pending writes to the newest per key', () => {
    const outbox = new PeerOutbox();
    outbox.add([
      [1, 1, 1],
      [2, 1, 1],
    ]);
    outbox.add([[1, 2, 2]]);
    outbox.add([[1, 0, 0]]);
    expect(outbox.takeBatch(0, 100, ids())).toEqual({
      batch: 1,
      writes: [
        [1, 2, 2],
        [2, 1, 1],
      ],
      sentAt: 0,
    });
  });

  it('keeps one batch in flight until it is acknowledged', () => {
    const outbox = new PeerOutbox();
    const next = ids();
    outbox.add([[1, 1, 1]]);
    expect(outbox.takeBatch(0, 100, next)?.batch).toBe(1);
    outbox.add([[2, 1, 2]]);
    expect(outbox.takeBatch(50, 100, next)).toBeUndefined();
    outbox.acknowledge(1);
    expect(outbox.takeBatch(60, 100, next)?.writes).toEqual([[2, 1, 2]]);
    outbox.acknowledge(2);
    expect(outbox.isIdle()).toBe(true);
  });

  it('re-sends an unacknowledged batch after the retry delay, merged with newer writes', () => {
    const outbox = new PeerOutbox();
    const next = ids();
    outbox.add([
      [1, 1, 1],
      [2, 1, 1],
    ]);
    outbox.takeBatch(0, 100, next);
    outbox.add([[1, 2, 2]]);
    expect(outbox.takeBatch(100, 100, next)).toEqual({
      batch: 2,
      writes: [
        [1, 2, 2],
        [2, 1, 1],
      ],
      sentAt: 100,
    });
  });

  it('ignores the acknowledgement of a batch it already re-sent', () => {
    const outbox = new PeerOutbox();
    const next = ids();
    outbox.add([[1, 1, 1]]);
    outbox.takeBatch(0, 100, next);
    outbox.takeBatch(100, 100, next);
    outbox.acknowledge(1);
    expect(outbox.isIdle()).toBe(false);
    outbox.acknowledge(2);
    expect(outbox.isIdle()).toBe(true);
  });

  it('has nothing to send when empty', () => {
    expect(new PeerOutbox().takeBatch(0, 100, ids())).toBeUndefined();
  });
});
