import { isClient, type JournalEvent } from '@glomers/sim';

interface GroupCounts {
  sendCount: number;
  recvCount: number;
  /** Distinct message ids seen (every message is sent exactly once, so this counts sends). */
  ids: Set<number>;
}

const group = (): GroupCounts => ({ sendCount: 0, recvCount: 0, ids: new Set() });

/** Accumulates Maelstrom's `:net` statistics (§6.1) from the journal as it is written. */
export class NetStats {
  private readonly all = group();
  private readonly clients = group();
  private readonly servers = group();

  record(event: JournalEvent): void {
    const { src, dest, id } = event.message;
    const side = isClient(src) || isClient(dest) ? this.clients : this.servers;
    for (const g of [this.all, side]) {
      if (event.type === 'send') g.sendCount++;
      else g.recvCount++;
      g.ids.add(id);
    }
  }

  /** The `net` entry of results.json; msgs-per-op only when there were client invocations. */
  result(clientInvocations: number): Record<string, unknown> {
    const counts = (g: GroupCounts) => ({
      'send-count': g.sendCount,
      'recv-count': g.recvCount,
      'msg-count': g.ids.size,
    });
    const perOp = (g: GroupCounts) =>
      clientInvocations === 0 ? {} : { 'msgs-per-op': g.ids.size / clientInvocations };
    return {
      all: { ...counts(this.all), ...perOp(this.all) },
      clients: counts(this.clients),
      servers: { ...counts(this.servers), ...perOp(this.servers) },
      'valid?': true,
    };
  }
}
