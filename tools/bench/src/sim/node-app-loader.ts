import { isNodeApp, NODE_APP_PROTOCOL, type NodeApp } from '@glomers/runtime';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** The --bin cannot run in-process; `message` is one line a user can act on. */
export class NotASimNode extends Error {
  constructor(bin: string, why: string) {
    super(
      `${bin} ${why}, so the sim engine cannot run it in-process; ` +
        'run it on the process engine instead (--engine bench, or GLOMERS_ENGINE=bench).',
    );
    this.name = 'NotASimNode';
  }
}

/**
 * Loads the NodeApp a node bundle exports (`export const app = nodeApp(createContainer)` in an app's main.ts).
 * Only a file that names the node-app protocol is loaded, so a foreign binary or script is never executed here.
 */
export function loadNodeApp(bin: string): NodeApp {
  const path = resolve(bin);
  if (!existsSync(path)) throw new NotASimNode(bin, 'does not exist');
  if (!readFileSync(path).includes(NODE_APP_PROTOCOL))
    throw new NotASimNode(bin, 'is not a node app built on @glomers/runtime');
  let exports: unknown;
  try {
    exports = createRequire(path)(path);
  } catch (error) {
    throw new NotASimNode(bin, `failed to load (${(error as Error).message.split('\n')[0]})`);
  }
  const app =
    typeof exports === 'object' && exports !== null ? Object.values(exports).find(isNodeApp) : undefined;
  if (!app) throw new NotASimNode(bin, 'exports no NodeApp (export const app = nodeApp(createContainer))');
  return app;
}
