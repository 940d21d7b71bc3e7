/**
 * Pushes echo requests through the runtime's decode → dispatch → handler → reply → encode path in-process and
 * compares the cost per message with a bare JSON.parse + JSON.stringify of the same lines.
 * Usage: node tools/scripts/run-ts.mjs tools/scripts/runtime-throughput.ts [messages=200000] [rounds=5]
 */
import { echoModule } from '@glomers/node-echo';
import { MemoryLogger, portsModule, runNode, type Transport } from '@glomers/runtime';
import { SeededRandom, VirtualTime } from '@glomers/sim';
import { Container } from 'inversify';
import { performance } from 'node:perf_hooks';

const count = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 5);

class CountingTransport implements Transport {
  written = 0;
  bytes = 0;
  onLine: (line: string) => void = () => undefined;
  start(onLine: (line: string) => void): void {
    this.onLine = onLine;
  }
  write(line: string): void {
    this.written++;
    this.bytes += line.length;
  }
}

const lines = Array.from(
  { length: count },
  (_, i) =>
    `{"id":${i + 10},"src":"c${i % 7}","dest":"n0","body":{"type":"echo","msg_id":${i + 1},"echo":"Please echo ${i % 128}"}}`,
);

function runtimePass(transport: CountingTransport): number {
  const start = performance.now();
  for (const line of lines) transport.onLine(line);
  return performance.now() - start;
}

let sink = 0;
function barePass(): number {
  const start = performance.now();
  for (const line of lines) {
    const m = JSON.parse(line);
    sink += JSON.stringify({
      src: m.dest,
      dest: m.src,
      body: { type: 'echo_ok', echo: m.body.echo, in_reply_to: m.body.msg_id },
    }).length;
  }
  return performance.now() - start;
}

const transport = new CountingTransport();
const time = new VirtualTime();
const container = new Container();
container.load(
  portsModule({
    transport,
    clock: time,
    scheduler: time,
    logger: new MemoryLogger(),
    random: new SeededRandom(1),
  }),
  echoModule,
);
runNode(container);
transport.onLine(
  '{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0"]}}',
);

const bare: number[] = [];
const runtime: number[] = [];
for (let r = 0; r < rounds + 1; r++) {
  const b = barePass();
  const t = runtimePass(transport);
  if (r > 0) {
    bare.push(b);
    runtime.push(t);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bareMs = median(bare);
const runtimeMs = median(runtime);
const rate = (ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
console.log(
  `messages per round: ${count.toLocaleString('en-US')} (median of ${rounds} rounds after 1 warm-up)`,
);
console.log(`bare JSON.parse + JSON.stringify: ${bareMs.toFixed(1)} ms  ${rate(bareMs)} msg/s`);
console.log(`runtime decode+dispatch+encode:  ${runtimeMs.toFixed(1)} ms  ${rate(runtimeMs)} msg/s`);
console.log(
  `ratio runtime/bare: ${(runtimeMs / bareMs).toFixed(2)}x (goal ≤ 1.5x); replies written: ${transport.written}, bare bytes: ${sink}`,
);
