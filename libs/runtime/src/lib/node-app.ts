import type { Container, ContainerModule } from 'inversify';
import { portsModule, stdioRuntimeModule, type PortInstances } from './modules';
import { runNode } from './program';

/** Identifies a node app to a simulator; a bundle that never mentions it is not one. */
export const NODE_APP_PROTOCOL = 'glomers-node-app/1';

/**
 * What an app's bundle exports: its composition root, runnable over stdio (the executable) or on ports a
 * simulator hands it (many nodes in one process, on virtual time). Plain data and functions only, so it crosses
 * bundle boundaries: the simulator and the app each carry their own copy of this library.
 */
export interface NodeApp {
  readonly protocol: typeof NODE_APP_PROTOCOL;
  /** Builds one node on `ports` and starts it; its input arrives through `ports.transport`. */
  start(ports: PortInstances): void;
  /** Serves one node over stdin and stdout until stdin closes. */
  main(): void;
}

/** Wraps an app's `createContainer(runtime)` as the NodeApp its main module exports. */
export function nodeApp(createContainer: (runtime: ContainerModule) => Container): NodeApp {
  return {
    protocol: NODE_APP_PROTOCOL,
    start: (ports) => void runNode(createContainer(portsModule(ports))),
    main: () => void runNode(createContainer(stdioRuntimeModule)),
  };
}

/** True when `value` is a NodeApp (of any copy of this library). */
export function isNodeApp(value: unknown): value is NodeApp {
  if (typeof value !== 'object' || value === null) return false;
  const app = value as Partial<Record<keyof NodeApp, unknown>>;
  return (
    app.protocol === NODE_APP_PROTOCOL && typeof app.start === 'function' && typeof app.main === 'function'
  );
}
