import { SeededRandom, settle, VirtualTime } from '../src';

describe('VirtualTime', () => {
  it('fires timers in due order as time advances, and intervals repeatedly', () => {
    const time = new VirtualTime();
    const fired: string[] = [];
    time.setTimeout(() => fired.push(`b@${time.now()}`), 20);
    time.setTimeout(() => fired.push(`a@${time.now()}`), 10);
    const stop = time.setInterval(() => fired.push(`i@${time.now()}`), 15);
    time.advance(30);
    expect(fired).toEqual(['a@10', 'i@15', 'b@20', 'i@30']);
    stop();
    time.advance(100);
    expect(fired).toHaveLength(4);
    expect(time.now()).toBe(130);
  });

  it('cancels a timeout before it fires', () => {
    const time = new VirtualTime();
    let fired = false;
    const cancel = time.setTimeout(() => (fired = true), 5);
    cancel();
    time.runUntilIdle();
    expect(fired).toBe(false);
  });

  it('lets every chain of continuations finish before the next timer fires, whether or not a settle leaves the event loop turn', async () => {
    const time = new VirtualTime();
    // A chain 50 awaits deep, started by each of 600 timers at one instant: more settles than pass between two
    // trips through the host event loop, so both kinds of settle are exercised.
    const seen: string[] = [];
    let allDone: () => void = () => undefined;
    const work = new Promise<void>((resolve) => (allDone = resolve));
    const chain = async (n: number) => {
      for (let depth = 0; depth < 50; depth++) await Promise.resolve();
      seen.push(`done ${n}`);
      if (n === 599) allDone();
    };
    for (let n = 0; n < 600; n++)
      time.setTimeout(() => {
        seen.push(`fire ${n}`);
        void chain(n);
      }, 1);
    await time.drive(work);
    expect(seen).toEqual(Array.from({ length: 600 }, (_, n) => [`fire ${n}`, `done ${n}`]).flat());
  });

  it('settle resolves after continuations queued while it waits, not only those queued before it', async () => {
    const order: string[] = [];
    const deep = async () => {
      await Promise.resolve();
      await Promise.resolve();
      queueMicrotask(() => order.push('queued from a continuation'));
    };
    void deep();
    await settle();
    order.push('settled');
    expect(order).toEqual(['queued from a continuation', 'settled']);
  });
});

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.int(1000)
        )(new SeededRandom(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const r = new SeededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
