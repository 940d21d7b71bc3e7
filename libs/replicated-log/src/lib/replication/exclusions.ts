import type { ReplicaState } from './replica-state';

export interface ExclusionTiming {
  /**
   * A leader with entries waiting stops waiting for a follower it has not heard from for this long, once the lease
   * register excludes that follower from taking over. Keep it well below `pendingTimeoutMs`.
   */
  readonly excludeAfterMs: number;
}

/**
 * excluding: the register is being asked to exclude the follower (commits still wait for it);
 * excluded: the register excludes it (commits do not wait for it);
 * rejoining: heard from again, commits wait for it, and once it holds `upTo` the register may include it again.
 */
type Standing =
  | { readonly kind: 'excluding' }
  | { readonly kind: 'excluded' }
  | { readonly kind: 'rejoining'; readonly upTo: number };

/**
 * Leader side of availability under partitions. With commits waiting for every node, one unreachable follower
 * would stall every send. Instead the leader writes the follower into the lease register's `excluded` list (the
 * register stays reachable when peers are not) and, once that write has applied, commits without it: an excluded
 * node never takes over, and a takeover keeps the list, so whoever leads holds every committed entry. A follower
 * heard from again is waited for at once, and leaves the list only once it holds everything that was committed
 * without it (and everything the leader held when its term began, which may include earlier terms' commits).
 *
 * Safety rests on the register's order: while a follower is on the list the leader's writes all keep it there,
 * and at most one write is in flight, so a confirmed write that lists it means the register lists it from then on.
 */
export class Exclusions {
  private readonly standing = new Map<string, Standing>();
  private readonly lastHeard = new Map<string, number>();

  constructor(
    peers: readonly string[],
    now: number,
    inherited: readonly string[],
    private readonly termStartLength: number,
    private readonly timing: ExclusionTiming,
  ) {
    for (const peer of peers) this.lastHeard.set(peer, now);
    for (const peer of inherited) if (this.lastHeard.has(peer)) this.standing.set(peer, { kind: 'excluded' });
  }

  /** Something of this term arrived from `peer`. */
  heard(peer: string, now: number): void {
    if (this.lastHeard.has(peer)) this.lastHeard.set(peer, now);
  }

  /** A write of ours applied: the register excludes exactly `excluded`. */
  confirmed(excluded: readonly string[]): void {
    for (const peer of excluded)
      if (this.standing.get(peer)?.kind === 'excluding') this.standing.set(peer, { kind: 'excluded' });
  }

  /** Moves followers between standings after `state` changed or time passed; true if `wanted` changed. */
  review(state: ReplicaState, now: number): boolean {
    let changed = false;
    for (const [peer, progress] of state.progress) {
      const standing = this.standing.get(peer);
      const silent = now - (this.lastHeard.get(peer) ?? now) >= this.timing.excludeAfterMs;
      const waiting = progress.matchIndex < state.entries.length;
      if ((standing === undefined || standing.kind === 'rejoining') && silent && waiting) {
        this.standing.set(peer, { kind: 'excluding' });
        changed ||= standing === undefined;
      } else if (standing !== undefined && standing.kind !== 'rejoining' && !silent) {
        this.standing.set(peer, {
          kind: 'rejoining',
          upTo: Math.max(state.commitIndex, this.termStartLength),
        });
      } else if (standing?.kind === 'rejoining' && progress.matchIndex >= standing.upTo) {
        this.standing.delete(peer);
        changed = true;
      }
    }
    return changed;
  }

  /** The followers the register should exclude. */
  get wanted(): string[] {
    return [...this.standing.keys()];
  }

  /** The followers commits need not wait for. */
  get notWaitedFor(): ReadonlySet<string> {
    const result = new Set<string>();
    for (const [peer, standing] of this.standing) if (standing.kind === 'excluded') result.add(peer);
    return result;
  }
}
