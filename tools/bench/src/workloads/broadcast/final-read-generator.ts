import type { GeneratedOp, OpGenerator } from '../../lib/workload';

/** Maelstrom's `(gen/each-thread {:f :read, :final? true})`: one final read per worker thread. */
export function finalReadGenerator(): OpGenerator {
  let done = false;
  return {
    next: (): GeneratedOp | undefined => {
      if (done) return undefined;
      done = true;
      return { f: 'read', value: null, final: true };
    },
  };
}
