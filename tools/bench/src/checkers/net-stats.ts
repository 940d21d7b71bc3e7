import { isClient, type JournalEvent } from '@glomers/sim';

interface GroupCounts {
  sendCount: number;
  recvCount: number;
}

const group = (): GroupCounts => ({ sendCount: 0, recvCount: 0 });

/**
 * Accumulates Maelstrom's `:net` statistics (§6.1) from the journal as it is written. Maelstrom's msg-count is the
 * number of distinct message ids in the journal; every message is journalled once when sent (dropped ones too)
 * and at most once when delivered, so that number is the send count.
 */
export class NetStats {
  private readonly all = group();
  private readonly clients = group();
  private readonly servers = group();

  record(event: JournalEvent): void {
    const { src, dest } = event.message;
    const side = isClient(src) || isClient(dest) ? this.clients : this.servers;
    if (event.type === 'send') {
      this.all.sendCount++;
      side.sendCount++;
    } else {
      this.all.recvCount++;
      side.recvCount++;
    }
  }

  /** The `net` entry of results.json; msgs-per-op only when there were client invocations. */
  result(clientInvocations: number): Record<string, unknown> {
    const counts = (g: GroupCounts) => ({
      'send-count': g.sendCount,
      'recv-count': g.recvCount,
      'msg-count': g.sendCount,
    });
    const perOp = (g: GroupCounts) =>
      clientInvocations === 0 ? {} : { 'msgs-per-op': g.sendCount / clientInvocations };
    return {
      all: { ...counts(this.all), ...perOp(this.all) },
      clients: counts(this.clients),
      servers: { ...counts(this.servers), ...perOp(this.servers) },
      'valid?': true,
    };
  }
}
