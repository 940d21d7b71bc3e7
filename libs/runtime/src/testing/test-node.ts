import { SeededRandom, VirtualTime } from '@glomers/sim';
import { Container, type ContainerModule } from 'inversify';
import { runNode } from '../lib/program';
import { portsModule } from '../lib/modules';
import { Node } from '../lib/node';
import { MemoryLogger } from './memory-logger';
import { MemoryTransport } from './memory-transport';

export interface TestNode {
  readonly container: Container;
  readonly node: Node;
  readonly transport: MemoryTransport;
  readonly time: VirtualTime;
  readonly logger: MemoryLogger;
}

/**
 * A container with in-memory ports and virtual time, loaded with the given feature modules; the node is started
 * but not yet initialised (send it `init`, or use `initNode`).
 */
export function createTestNode(...modules: Parameters<Container['load']>): TestNode {
  return createTestNodeOn(new VirtualTime(), ...modules);
}

/** As `createTestNode`, on a virtual time shared with other nodes. */
export function createTestNodeOn(time: VirtualTime, ...modules: Parameters<Container['load']>): TestNode {
  const { ports, transport, logger } = memoryPorts(time);
  const container = new Container();
  container.load(ports);
  if (modules.length > 0) container.load(...modules);
  return { container, node: container.get(Node), transport, time, logger };
}

/** In-memory transport and logger, the given virtual time, a fixed seed: the ports every test node gets. */
function memoryPorts(time: VirtualTime): {
  ports: ContainerModule;
  transport: MemoryTransport;
  logger: MemoryLogger;
} {
  const transport = new MemoryTransport();
  const logger = new MemoryLogger();
  const ports = portsModule({
    transport,
    clock: time,
    scheduler: time,
    logger,
    random: new SeededRandom(42),
  });
  return { ports, transport, logger };
}

/** Sends `init` as Maelstrom does and discards the `init_ok`. */
export function initNode(test: TestNode, nodeId = 'n0', nodeIds: readonly string[] = [nodeId]): void {
  test.transport.deliver({
    src: 'c0',
    dest: nodeId,
    body: { type: 'init', msg_id: 1, node_id: nodeId, node_ids: nodeIds },
  });
  test.transport.take();
}

/**
 * Runs an app's composition root on in-memory ports and virtual time, and initialises its node: what an app's
 * test needs to check that the container wires the right program.
 */
export function startApp(
  createContainer: (runtime: ContainerModule) => Container,
  nodeId = 'n0',
  nodeIds: readonly string[] = [nodeId],
): TestNode {
  const time = new VirtualTime();
  const { ports, transport, logger } = memoryPorts(time);
  const container = createContainer(ports);
  const node = runNode(container);
  const test = { container, node, transport, time, logger };
  initNode(test, nodeId, nodeIds);
  return test;
}
