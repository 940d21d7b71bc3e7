import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckResult, History } from '../../lib/history';
import type { CheckContext, Workload } from '../../lib/workload';
import { txnClient } from './client';
import type { ElleOptions } from '../../elle/check';
import { elleFiles, type ResultFile } from './files';
import { txnGenerator } from './generator';
import { checkTxnRwRegister } from './maelstrom-checker';

export { checkTxnRwRegister } from './maelstrom-checker';
export { elleFiles, type ResultFile } from './files';
export { isKnownModel, allKnownModels } from '../../elle/consistency-model';

/** The check's result plus the files to write under the run's store folder (see files.ts). */
export function checkWithFiles(
  history: History,
  opts: ElleOptions,
): { result: CheckResult; files: ResultFile[] } {
  const { result, analysis } = checkTxnRwRegister(history, opts);
  return { result, files: analysis ? elleFiles(analysis, opts) : [] };
}

function writeFiles(storeDir: string, files: readonly ResultFile[]): void {
  for (const file of files) {
    const path = join(storeDir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

/**
 * Maelstrom's txn-rw-register workload (reference §5.6): Elle's wr-txns generator, a reusable `txn` client, and
 * Elle's rw-register checker (wfr-keys inference) wrapped as Maelstrom does. When the runner gives a store folder,
 * the check writes Elle's explanations under `elle/` there.
 */
export const txnRwRegister: Workload = {
  name: 'txn-rw-register',
  reads: ['maxTxnLength', 'maxWritesPerKey', 'keyCount', 'consistencyModels'],
  idempotent: new Set(),
  reusableClient: true,
  generator: ({ options, random }) =>
    txnGenerator(random, {
      maxTxnLength: options.maxTxnLength,
      maxWritesPerKey: options.maxWritesPerKey,
      keyCount: options.keyCount,
    }),
  client: ({ conn }) => txnClient(conn),
  check: (history: History, ctx: CheckContext) => {
    const { result, files } = checkWithFiles(history, {
      consistencyModels: ctx.options.consistencyModels,
      clock: ctx.clock,
    });
    if (ctx.storeDir !== undefined) writeFiles(ctx.storeDir, files);
    return result;
  },
};
