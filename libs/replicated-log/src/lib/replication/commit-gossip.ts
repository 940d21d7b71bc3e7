import type { CommitDelta } from './messages';

/**
 * Spreads consumer commit offsets between nodes on the back of replication messages. Commit offsets only grow
 * (max-merge), so duplicates and reordering are harmless; each change gets a stamp, and a peer is sent every
 * change stamped after the last delta it confirmed, so a lost message is simply covered by the next one.
 */
export interface CommitGossip {
  readonly clock: number;
  readonly stamps: ReadonlyMap<string, number>;
  /** Per peer: the highest stamp it confirmed having received from us. */
  readonly confirmedBy: ReadonlyMap<string, number>;
  /** Per peer: the highest `upTo` we received from it, to confirm back. */
  readonly receivedFrom: ReadonlyMap<string, number>;
}

export const emptyCommitGossip: CommitGossip = {
  clock: 0,
  stamps: new Map(),
  confirmedBy: new Map(),
  receivedFrom: new Map(),
};

/** Notes keys whose committed offset moved here (by a client or by a peer's delta). */
export function noteCommitChanges(gossip: CommitGossip, keys: readonly string[]): CommitGossip {
  if (keys.length === 0) return gossip;
  const clock = gossip.clock + 1;
  const stamps = new Map(gossip.stamps);
  for (const key of keys) stamps.set(key, clock);
  return { ...gossip, clock, stamps };
}

/** What to piggyback on the next message to `peer`: unconfirmed changes and our confirmation of theirs. */
export function outgoingGossip(
  gossip: CommitGossip,
  peer: string,
  committed: ReadonlyMap<string, number>,
): { commits?: CommitDelta; commitsSeen?: number } {
  const confirmed = gossip.confirmedBy.get(peer) ?? 0;
  const offsets: Array<[string, number]> = [];
  for (const [key, stamp] of gossip.stamps) {
    const offset = committed.get(key);
    if (stamp > confirmed && offset !== undefined) offsets.push([key, offset]);
  }
  const seen = gossip.receivedFrom.get(peer);
  return {
    // fromEntries keeps a key such as __proto__ as data, where an assignment would set the prototype.
    ...(offsets.length > 0 ? { commits: { upTo: gossip.clock, offsets: Object.fromEntries(offsets) } } : {}),
    ...(seen ? { commitsSeen: seen } : {}),
  };
}

/** Records what `peer` sent: its delta (to confirm later) and its confirmation of ours. */
export function incomingGossip(
  gossip: CommitGossip,
  peer: string,
  message: { readonly commits?: CommitDelta; readonly commitsSeen?: number },
): CommitGossip {
  let next = gossip;
  if (message.commitsSeen !== undefined && message.commitsSeen > (next.confirmedBy.get(peer) ?? 0)) {
    next = { ...next, confirmedBy: new Map(next.confirmedBy).set(peer, message.commitsSeen) };
  }
  if (message.commits && message.commits.upTo > (next.receivedFrom.get(peer) ?? 0)) {
    next = { ...next, receivedFrom: new Map(next.receivedFrom).set(peer, message.commits.upTo) };
  }
  return next;
}
