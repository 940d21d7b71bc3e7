import type { Network, RandomStreams } from '@glomers/sim';
import type { ClientConnection, ClientFactory } from './client-connection';
import type { InvalidOutput, NodeExit, NodeHandle } from './node-handle';
import { RunAborted, type RunConfig } from './run-config';

export const INIT_TIMEOUT_MS = 10_000;

/**
 * The nodes of a run through their lifecycle: launched (a process each, or in-process on the sim), sent `init`,
 * set up by the workload, killed at teardown. Keeps what they did wrong along the way: invalid stdout lines and
 * early exits, the latter becoming the run's crash report as Maelstrom words it.
 */
export class Cluster {
  readonly invalidOutputs: InvalidOutput[] = [];
  private readonly earlyExits: NodeExit[] = [];
  private readonly nodes: NodeHandle[] = [];
  private readonly setupConns: ClientConnection[] = [];
  private firstExit: (() => void) | undefined;

  constructor(
    private readonly config: RunConfig,
    private readonly network: Network,
    private readonly clients: ClientFactory,
    private readonly nanos: () => number,
  ) {}

  start(): void {
    const { bin, args, storeDir, logStderr, log } = this.config;
    for (const id of this.config.options.nodeIds) {
      log(`launching ${bin} ${JSON.stringify(args)} as ${id}`);
      this.nodes.push(
        this.config.launch({
          id,
          bin,
          args,
          network: this.network,
          logFile: storeDir === undefined ? undefined : `${storeDir}/node-logs/${id}.log`,
          echoStderr: logStderr ? (node, line) => log(`${node} stderr: ${line}`) : undefined,
          onInvalidOutput: (problem) => {
            this.invalidOutputs.push(problem);
            log(
              `ERROR node ${problem.node} wrote an invalid line to stdout (${problem.reason}): ${problem.line}`,
            );
            log(
              `ERROR as Maelstrom does, the bench reads nothing more from ${problem.node}'s stdout (the node is mute)`,
            );
          },
          onEarlyExit: (exit) => {
            this.earlyExits.push(exit);
            this.firstExit?.();
            log(`WARN node ${exit.node} exited early (status ${exit.code ?? exit.signal})`);
          },
          now: this.nanos,
        }),
      );
    }
  }

  async init(): Promise<void> {
    const nodeIds = this.config.options.nodeIds;
    // A node that dies before answering init cannot answer it: stop waiting (Maelstrom waits out the 10 s).
    const died = new Promise<never>((_, reject) => {
      this.firstExit = () => reject(new RunAborted(this.crashReport() ?? 'a node exited during init'));
      if (this.earlyExits.length > 0) this.firstExit();
    });
    died.catch(() => undefined);
    const inits = Promise.all(
      nodeIds.map(async (node) => {
        const conn = this.clients.open(node);
        try {
          const reply = await conn.request(
            { type: 'init', node_id: node, node_ids: nodeIds },
            node,
            INIT_TIMEOUT_MS,
          );
          if (reply.type !== 'init_ok') {
            throw new RunAborted(
              `Expected an init_ok message, but node responded with ${JSON.stringify(reply)}`,
            );
          }
        } catch (error) {
          if (error instanceof RunAborted) throw error;
          throw new RunAborted(
            `Expected node ${node} to respond to an init message, but node did not respond.`,
          );
        } finally {
          conn.close();
        }
      }),
    );
    try {
      await Promise.race([inits, died]);
    } finally {
      inits.catch(() => undefined);
      this.firstExit = undefined;
    }
  }

  /** Opens one setup client per node (kept open for the whole run) and runs the workload's setup on each. */
  async setup(streams: RandomStreams): Promise<void> {
    const { workload, options } = this.config;
    const conns = options.nodeIds.map((node) => this.clients.open(node));
    this.setupConns.push(...conns);
    if (!workload.setup) return;
    const setup = workload.setup.bind(workload);
    await Promise.all(
      conns.map((conn) =>
        setup({ conn, options, random: streams.stream(`setup-${conn.node}`) }).catch((error: unknown) => {
          throw new RunAborted(`Setup failed on ${conn.node}: ${(error as Error).message}`);
        }),
      ),
    );
  }

  /** Closes the setup clients and kills every node. */
  async stop(): Promise<void> {
    for (const conn of this.setupConns) conn.close();
    await Promise.all(this.nodes.map((n) => n.kill()));
  }

  /** Maelstrom's report of the first node that exited early, or undefined when none did. */
  crashReport(): string | undefined {
    const exit = this.earlyExits[0];
    if (!exit) return undefined;
    const node = this.nodes.find((n) => n.id === exit.node);
    return (
      `Node ${exit.node} crashed with exit status ${exit.code ?? exit.signal}. Before crashing, it wrote to STDOUT:\n\n` +
      `${node?.recentStdout.join('\n') ?? ''}\n\nAnd to STDERR:\n\n${node?.recentStderr.join('\n') ?? ''}\n\n` +
      (this.config.storeDir === undefined
        ? ''
        : `Full STDERR logs are available in ${this.config.storeDir}/node-logs/${exit.node}.log`)
    );
  }
}
