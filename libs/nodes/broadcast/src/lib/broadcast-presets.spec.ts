import { SimNetwork } from '@glomers/runtime';
import { SeededRandom } from '@glomers/sim';
import { broadcastModule } from './broadcast-module';
import { BROADCAST_PRESETS } from './broadcast-presets';

const ids = Array.from({ length: 25 }, (_, i) => `n${i}`);

/** 25 nodes at 100 ms links, 100 values broadcast at random nodes over 10 s; returns every node's final read. */
function run(
  preset: keyof typeof BROADCAST_PRESETS,
  partitioned: boolean,
): { reads: number[][]; messages: number } {
  const net = new SimNetwork(ids, [broadcastModule(BROADCAST_PRESETS[preset])], { latencyMs: 100 });
  const random = new SeededRandom(3);
  if (partitioned) {
    net.isolate(ids.slice(0, 12));
    net.time.setTimeout(() => net.heal(), 6000);
  }
  for (let value = 0; value < 100; value++) {
    net.fromClient(ids[random.int(ids.length)], { type: 'broadcast', message: value });
    net.time.advance(100);
  }
  net.time.advance(10_000);
  const reads = ids.map((id) => {
    const reply = net.replyTo(net.fromClient(id, { type: 'read' }));
    return [...(reply?.['messages'] as number[])].sort((a, b) => a - b);
  });
  return { reads, messages: net.serverMessageCount };
}

const everything = Array.from({ length: 100 }, (_, i) => i);

describe('broadcast presets at 25 nodes', () => {
  it.each(Object.keys(BROADCAST_PRESETS) as Array<keyof typeof BROADCAST_PRESETS>)(
    '%s delivers every value to every node',
    (preset) => {
      for (const read of run(preset, false).reads) expect(read).toEqual(everything);
    },
  );

  it.each(['faultTolerant', 'efficient', 'frugal'] as const)(
    '%s also heals a majority/minority partition',
    (preset) => {
      for (const read of run(preset, true).reads) expect(read).toEqual(everything);
    },
  );

  it('the star presets send far fewer messages than flooding', () => {
    const flood = run('faultTolerant', false).messages;
    expect(run('efficient', false).messages).toBeLessThan(flood / 2);
    expect(run('frugal', false).messages).toBeLessThan(run('efficient', false).messages);
  });
});
