import { SeededRandom, VirtualTime } from '../src';

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
