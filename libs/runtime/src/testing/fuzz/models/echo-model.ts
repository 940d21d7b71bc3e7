import { canonicalJson, inexactNumber, type Json } from '@glomers/protocol';
import fc from 'fast-check';
import type { WorkloadModel } from '../workload-model';

/** Echo: every payload comes back unchanged, or is refused with error 12 when it holds an inexact number. */
export const echoModel: WorkloadModel = {
  types: ['echo'],
  fields: ['echo'],
  request: fc.jsonValue({ maxDepth: 3 }).map((echo) => ({ type: 'echo', echo })),
  async verify(exchanges) {
    for (const { request, reply } of exchanges) {
      const echo = request['echo'] as Json;
      const refused = inexactNumber(echo) !== undefined;
      const ok = refused
        ? reply?.type === 'error' && reply['code'] === 12
        : reply?.type === 'echo_ok' && canonicalJson(reply['echo']) === canonicalJson(echo);
      if (!ok) return `echo of ${canonicalJson(echo)} was answered ${JSON.stringify(reply)}`;
    }
    return undefined;
  },
};
