/**
 * How long a built node takes to get past one huge input line: it starts the node, sends init, then a garbage
 * line of the given size and an echo, and times from the first byte of the big line to the echo's reply (median of
 * several rounds), next to the time for the echo alone. Usage (build the echo app first, `npx nx build echo`):
 *   node tools/scripts/run-ts.mjs tools/scripts/stdio-line-drop.ts [bin=dist/apps/echo/main.js] [megabytes=10] [rounds=5]
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const bin = process.argv[2] ?? 'dist/apps/echo/main.js';
const megabytes = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 5);
const CHUNK = 64 * 1024;

/** Starts the node and returns a function that sends lines and waits for the reply to msg_id `awaited`. */
function startNode() {
  const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map<number, () => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const inReplyTo = (JSON.parse(line) as { body: { in_reply_to?: number } }).body.in_reply_to;
    if (inReplyTo !== undefined) waiting.get(inReplyTo)?.();
  });
  const write = (text: string) =>
    new Promise<void>((done) => (child.stdin.write(text) ? done() : child.stdin.once('drain', done)));
  const replyTo = (msgId: number) => new Promise<void>((done) => waiting.set(msgId, done));
  return { child, write, replyTo };
}

const echo = (msgId: number) =>
  `{"src":"c1","dest":"n0","body":{"type":"echo","msg_id":${msgId},"echo":"after"}}\n`;

async function round(withBigLine: boolean): Promise<number> {
  const node = startNode();
  const initialised = node.replyTo(1);
  await node.write(
    '{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0"]}}\n',
  );
  await initialised;
  const answered = node.replyTo(2);
  const started = performance.now();
  if (withBigLine) {
    const chunk = 'x'.repeat(CHUNK);
    for (let sent = 0; sent < megabytes * 1_000_000; sent += CHUNK) await node.write(chunk);
    await node.write('\n');
  }
  await node.write(echo(2));
  await answered;
  const elapsed = performance.now() - started;
  node.child.kill();
  return elapsed;
}

async function main(): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const alone: number[] = [];
  const withLine: number[] = [];
  for (let i = 0; i < rounds; i++) {
    alone.push(await round(false));
    withLine.push(await round(true));
  }
  console.log(`${bin}: an echo alone answered in ${median(alone).toFixed(1)} ms (median of ${rounds})`);
  console.log(
    `after a ${megabytes} MB garbage line: ${median(withLine).toFixed(1)} ms ` +
      `(${withLine.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
}

void main();
