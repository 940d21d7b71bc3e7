import { decodeLine, isPlainObject, type Body } from '@glomers/protocol';
import { linKv, SeededRandom, seqKv, type Service } from '@glomers/sim';
import fc from 'fast-check';
import type { Container, ContainerModule } from 'inversify';
import { startApp, type TestNode } from '../test-node';
import { hostileLines } from './hostile-lines';
import { exactInReplyTo, protocolProblem } from './protocol-check';
import type { Exchange, RequestBody, WorkloadModel } from './workload-model';

/** An app under fuzz: its composition root, the workload it serves, and what it needs around it. */
export interface FuzzApp {
  readonly createContainer: (runtime: ContainerModule) => Container;
  readonly model: WorkloadModel;
  /** The cluster the node is told it belongs to; the node is the first (default: just `n0`). Peers stay silent. */
  readonly nodeIds?: readonly string[];
  /** Services the node uses, answered in-process. */
  readonly services?: readonly ('lin-kv' | 'seq-kv')[];
  /** Virtual time to let pass after init, before the first request (a replicated log elects its leader). */
  readonly warmUpMs?: number;
}

/** What a run did: hostile lines sent, valid requests made (final ones included) and how many were acknowledged. */
export interface FuzzStats {
  readonly hostileLines: number;
  readonly requests: number;
  readonly acknowledged: number;
}

export type FuzzStep =
  | { readonly kind: 'request'; readonly body: RequestBody }
  | { readonly kind: 'hostile'; readonly line: string }
  | { readonly kind: 'wait'; readonly ms: number };

/** Cases per app in the unit suites; tools/scripts/fuzz-apps.ts runs many more. */
export const FUZZ_RUNS = 200;

/** Virtual time for asynchronous work (rpcs, timeouts, replication) to finish after the last step. */
const SETTLE_MS = 5_000;
/** How long a final request may take, in virtual time. */
const FINAL_CALL_MS = 2_000;

/** Valid requests interleaved with hostile lines and pauses. */
export function fuzzSteps(app: FuzzApp): fc.Arbitrary<FuzzStep[]> {
  const target = { nodeId: nodeIdsOf(app)[0], types: app.model.types, fields: app.model.fields };
  return fc.array(
    fc.oneof(
      { weight: 4, arbitrary: app.model.request.map((body): FuzzStep => ({ kind: 'request', body })) },
      { weight: 4, arbitrary: hostileLines(target).map(hostileStep) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1, max: 300 }).map((ms): FuzzStep => ({ kind: 'wait', ms })),
      },
    ),
    { maxLength: 24 },
  );
}

/** A hostile step that prints (in a counterexample) only the start of a long line. */
function hostileStep(line: string): FuzzStep {
  const shown = line.length > 300 ? `${line.slice(0, 300)}… (${line.length} characters)` : line;
  const step = {
    kind: 'hostile',
    line,
    [fc.toStringMethod]: () => `hostile ${JSON.stringify(shown)}`,
  } as const;
  return step;
}

/** The property the unit suites assert: every generated run passes `runFuzzCase`. */
export function fuzzProperty(app: FuzzApp): fc.IAsyncPropertyWithHooks<[FuzzStep[]]> {
  return fc.asyncProperty(fuzzSteps(app), async (steps) => {
    await runFuzzCase(app, steps);
  });
}

/** Asserts the property for `numRuns` generated runs; what each app's unit suite calls. */
export function assertFuzz(app: FuzzApp, numRuns = FUZZ_RUNS): Promise<void> {
  return fc.assert(fuzzProperty(app), { numRuns });
}

/** Generous: a run is quick, but the machine may be shared. */
export const FUZZ_TIMEOUT_MS = 300_000;

/**
 * Runs `steps` against a fresh node of the app and throws, describing it, on the first broken promise: a line made
 * the node throw; it wrote a line that is not protocol JSON; a request with a usable msg_id did not get exactly one
 * reply (at most one, from a peer, whose messages may be one-way); it logged an internal error; or it lost or
 * changed state it had acknowledged.
 */
export async function runFuzzCase(app: FuzzApp, steps: readonly FuzzStep[]): Promise<FuzzStats> {
  const run = new FuzzRun(app);
  await run.time.run(app.warmUpMs ?? 0);
  for (const step of steps) {
    if (step.kind === 'request') run.request(step.body);
    else if (step.kind === 'hostile') run.deliver(step.line);
    else await run.time.run(step.ms);
  }
  await run.time.run(SETTLE_MS);
  const lost = await app.model.verify(run.exchanges(), (body) => run.call(body));
  if (lost !== undefined) throw new Error(`acknowledged state was lost: ${lost}`);
  run.checkOutput();
  const exchanges = run.exchanges();
  return {
    hostileLines: steps.filter((step) => step.kind === 'hostile').length,
    requests: exchanges.length,
    acknowledged: exchanges.filter((e) => e.reply !== undefined && e.reply.type !== 'error').length,
  };
}

function nodeIdsOf(app: FuzzApp): readonly string[] {
  return app.nodeIds ?? ['n0'];
}

/** One fresh node with its services, the lines it got and wrote, and the valid requests made of it. */
class FuzzRun {
  private readonly test: TestNode;
  private readonly nodeId: string;
  private readonly peers: ReadonlySet<string>;
  private readonly services: ReadonlyMap<string, Service>;
  private readonly written: string[] = [];
  /** Requests with a reply address, by address; `oneWay` when the sender is a peer. */
  private readonly expected = new Map<string, { count: number; oneWay: boolean }>();
  private readonly requests: Array<{ readonly client: string; readonly body: RequestBody }> = [];
  private nextClient = 1000;

  constructor(app: FuzzApp) {
    const nodeIds = nodeIdsOf(app);
    this.nodeId = nodeIds[0];
    this.peers = new Set(nodeIds.slice(1));
    this.test = startApp(app.createContainer, this.nodeId, nodeIds);
    this.services = new Map(
      (app.services ?? []).map((id) => [id, id === 'lin-kv' ? linKv() : seqKv(new SeededRandom(7))]),
    );
    this.test.transport.onOutput((line) => {
      this.written.push(line);
      this.serve(line);
    });
  }

  get time(): TestNode['time'] {
    return this.test.time;
  }

  /** Delivers a line; nothing the node does with it may throw. */
  deliver(line: string): void {
    this.expect(line);
    try {
      this.test.transport.deliver(line);
    } catch (error) {
      throw new Error(`the node threw on a line: ${String(error)}\n  line: ${line.slice(0, 300)}`, {
        cause: error,
      });
    }
  }

  /** A valid request from a client of its own, so its reply is unambiguous. */
  request(body: RequestBody): void {
    const client = `c${this.nextClient++}`;
    this.requests.push({ client, body });
    this.deliver(JSON.stringify({ src: client, dest: this.nodeId, body: { ...body, msg_id: 1 } }));
  }

  async call(body: RequestBody): Promise<Body | undefined> {
    this.request(body);
    const { client } = this.requests[this.requests.length - 1];
    await this.time.runUntil(() => this.replyTo(client) !== undefined, FINAL_CALL_MS);
    return this.replyTo(client);
  }

  exchanges(): Exchange[] {
    return this.requests.map(({ client, body }) => ({ request: body, reply: this.replyTo(client) }));
  }

  /** Every line was protocol JSON, every addressed request got its reply, and nothing failed inside the node. */
  checkOutput(): void {
    const replies = new Map<string, number>();
    for (const line of this.written) {
      const problem = protocolProblem(line, this.nodeId);
      if (problem)
        throw new Error(
          `the node wrote a line that is not protocol JSON (${problem}): ${line.slice(0, 300)}`,
        );
      const { dest, body } = JSON.parse(line) as { dest: string; body: Record<string, unknown> };
      if (body['in_reply_to'] === undefined) continue;
      const inReplyTo = Number.isSafeInteger(body['in_reply_to'])
        ? String(body['in_reply_to'])
        : exactInReplyTo(line);
      const key = address(dest, inReplyTo ?? '?');
      replies.set(key, (replies.get(key) ?? 0) + 1);
    }
    for (const [key, { count, oneWay }] of this.expected) {
      const got = replies.get(key) ?? 0;
      if (oneWay ? got > count : got !== count)
        throw new Error(`${count} request(s) from ${describeAddress(key)} got ${got} replies`);
    }
    for (const key of replies.keys()) {
      if (!this.expected.has(key))
        throw new Error(`a reply went to ${describeAddress(key)}, which asked nothing`);
    }
    const errors = this.test.logger.lines.filter((line) => line.startsWith('ERROR'));
    if (errors.length > 0) throw new Error(`the node logged an internal error: ${errors[0].slice(0, 500)}`);
  }

  private replyTo(client: string): Body | undefined {
    for (const line of this.written) {
      const message = JSON.parse(line) as { dest: string; body: Body };
      if (message.dest === client && message.body.in_reply_to === 1) return message.body;
    }
    return undefined;
  }

  /** Records the reply address of a line, as the node's own decoder reads it. */
  private expect(line: string): void {
    const decoded = decodeLine(line);
    let src: string;
    let msgId: number | bigint | undefined;
    if (decoded.ok) {
      const { body } = decoded.message;
      if (body.in_reply_to !== undefined && body.in_reply_to !== null) return;
      src = decoded.message.src;
      msgId = body.msg_id;
    } else {
      if (!decoded.error.replyTo) return;
      src = decoded.error.replyTo.dest;
      msgId = decoded.error.replyTo.msgId;
    }
    if (msgId === undefined) return;
    const key = address(src, String(msgId));
    const entry = this.expected.get(key) ?? { count: 0, oneWay: this.peers.has(src) };
    this.expected.set(key, { ...entry, count: entry.count + 1 });
  }

  /** Answers the node's requests to its services a virtual millisecond later, as a service would. */
  private serve(line: string): void {
    const message: unknown = JSON.parse(line);
    if (!isPlainObject(message) || !isPlainObject(message['body'])) return;
    const dest = String(message['dest']);
    const service = this.services.get(dest);
    const body = message['body'];
    if (!service || body['msg_id'] === undefined || body['in_reply_to'] !== undefined) return;
    const reply = service.handle({ id: 0, src: this.nodeId, dest, body: body as Body });
    if (!reply) return;
    const answer = { src: dest, dest: this.nodeId, body: { ...reply, in_reply_to: body['msg_id'] } };
    this.time.setTimeout(() => this.deliver(JSON.stringify(answer)), 1);
  }
}

function address(src: string, msgId: string): string {
  return `${src}\u0000${msgId}`;
}

function describeAddress(key: string): string {
  const [src, msgId] = key.split('\u0000');
  return `${JSON.stringify(src.slice(0, 40))} with msg_id ${msgId}`;
}
