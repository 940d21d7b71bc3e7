import { canonicalJson } from '@glomers/protocol';
import fc from 'fast-check';
import { acknowledged, type WorkloadModel } from '../workload-model';

/** Unique ids: every generate is answered, and no id is handed out twice. */
export const uniqueIdsModel: WorkloadModel = {
  types: ['generate'],
  fields: [],
  request: fc.constant({ type: 'generate' }),
  async verify(exchanges) {
    const ids = new Set<string>();
    for (const { reply } of acknowledged(exchanges, 'generate_ok')) {
      const id = canonicalJson(reply?.['id']);
      if (ids.has(id)) return `id ${id} was handed out twice`;
      ids.add(id);
    }
    const other = exchanges.find((e) => e.reply?.type !== 'generate_ok');
    return other && `generate was answered ${JSON.stringify(other.reply)}`;
  },
};
