import type { Cancel, Clock, Scheduler } from '@glomers/sim';
import {
  excludedBy,
  isLeaseRecord,
  sameIds,
  sameLease,
  withExcluded,
  type LeaseRecord,
  type LeaseStore,
} from './lease-store';
import { validateLeaseTiming, type LeaseTiming } from './lease-timing';

export interface ElectionEvents {
  /** This node holds the lease of `term`; the register excludes `excluded` (inherited from the previous holder). */
  elected(term: number, excluded: readonly string[]): void;
  /** A write of this holder applied: the register now excludes exactly `excluded`. */
  confirmed(excluded: readonly string[]): void;
  /** This node no longer holds the lease of `term` (expired, not renewed, or taken over). */
  deposed(term: number): void;
  /** The register named a holder (possibly this node, possibly stale). */
  observed(record: LeaseRecord): void;
}

export interface LeaseElectionOptions {
  readonly nodeId: string;
  readonly store: LeaseStore;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly timing: LeaseTiming;
  readonly events: ElectionEvents;
  readonly key?: string;
}

interface Leadership {
  readonly term: number;
  readonly record: LeaseRecord;
  readonly validUntil: number;
  readonly lastRenewSentAt: number;
}

export const DEFAULT_LEASE_KEY = 'replicated-log/leader';

/**
 * Leader election by lease over a linearizable register. Taking over is a cas from the record last seen to
 * `{term: term + 1, holder: self}`, allowed only once that record stayed unchanged for `leaseMs` of the watcher's
 * own time; the holder renews by cas (bumping `renewal`) and believes in its lease only until
 * `send time of its last successful cas + leaseMs - marginMs`, so the old holder has stopped before anyone can
 * take over (see LeaseTiming). A term is written once, by its only holder: one leader per term.
 *
 * The holder also keeps in the register the nodes it stopped waiting for (`exclude`); a node the register
 * excludes never takes over, and a takeover keeps the previous holder's exclusions, so only nodes that hold every
 * committed entry can lead.
 */
export class LeaseElection {
  private readonly key: string;
  private readonly timing: LeaseTiming;
  private leadership: Leadership | undefined;
  private observedRecord: { readonly record: LeaseRecord; readonly since: number } | undefined;
  private lastHeardFromLeader: number | undefined;
  private lastWatchAt = -Infinity;
  private busy = false;
  /** The exclusions the holder wants in the register; written by the next renewal. */
  private wantedExcluded: readonly string[] = [];
  /** Bumped whenever the role changes, so a late store reply from an earlier role is ignored. */
  private generation = 0;
  private cancelTimer: Cancel | undefined;

  constructor(private readonly options: LeaseElectionOptions) {
    this.key = options.key ?? DEFAULT_LEASE_KEY;
    this.timing = validateLeaseTiming(options.timing);
  }

  start(): void {
    if (this.cancelTimer) return;
    this.cancelTimer = this.options.scheduler.setInterval(() => this.tick(), this.timing.tickMs);
    this.tick();
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.generation++;
    if (this.leadership) this.depose();
  }

  /** True while this node may accept writes as leader: it holds an unexpired lease. */
  holdsLease(): boolean {
    return this.leadership !== undefined && this.options.clock.now() < this.leadership.validUntil;
  }

  get leaderTerm(): number | undefined {
    return this.holdsLease() ? this.leadership?.term : undefined;
  }

  /** The replication layer heard from the current leader: no need to watch the register for a while. */
  heardFromLeader(): void {
    this.lastHeardFromLeader = this.options.clock.now();
  }

  /** The replication layer saw a term newer than ours: if we lead an older term, we do not any more. */
  observeTerm(term: number): void {
    if (this.leadership && this.leadership.term < term) this.depose();
  }

  /**
   * Holder: the register should exclude exactly `nodes` (sorted here). Written by a renewal at the next tick;
   * `confirmed` reports each applied write.
   */
  exclude(nodes: readonly string[]): void {
    if (!this.leadership) return;
    this.wantedExcluded = [...nodes].sort();
  }

  /** Gives up the lease at once (it then simply expires in the register). */
  resign(): void {
    this.depose();
  }

  tick(): void {
    const now = this.options.clock.now();
    if (this.leadership) {
      if (now >= this.leadership.validUntil) this.depose();
      else if (
        !this.busy &&
        (now - this.leadership.lastRenewSentAt >= this.timing.renewEveryMs || this.exclusionsChanged())
      )
        void this.renew();
      return;
    }
    if (this.busy) return;
    if (this.lastHeardFromLeader !== undefined && now - this.lastHeardFromLeader < this.timing.suspectAfterMs)
      return;
    if (now - this.lastWatchAt < this.timing.watchEveryMs) return;
    void this.watch();
  }

  private async watch(): Promise<void> {
    const generation = this.generation;
    this.busy = true;
    this.lastWatchAt = this.options.clock.now();
    try {
      let value: unknown;
      try {
        value = await this.options.store.read(this.key);
      } catch {
        return;
      }
      if (generation !== this.generation) return;
      if (value === undefined) {
        await this.takeOver(null, generation);
        return;
      }
      if (!isLeaseRecord(value)) return;
      this.options.events.observed(value);
      if (excludedBy(value).includes(this.options.nodeId)) {
        // We may lack entries committed without us: never take over from this record.
        this.observedRecord = undefined;
        return;
      }
      const now = this.options.clock.now();
      const seen = this.observedRecord;
      if (!seen || !sameLease(seen.record, value)) this.observedRecord = { record: value, since: now };
      else if (now - seen.since >= this.timing.leaseMs) await this.takeOver(value, generation);
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  private async takeOver(from: LeaseRecord | null, generation: number): Promise<void> {
    const term = (from?.term ?? 0) + 1;
    const record = withExcluded(
      { term, holder: this.options.nodeId, renewal: 0 },
      from ? excludedBy(from) : [],
    );
    const sentAt = this.options.clock.now();
    let applied: boolean;
    try {
      applied = await this.options.store.cas(this.key, from, record, from === null);
    } catch {
      applied = false;
    }
    if (!applied) {
      // Lost the race, or no answer: look again later. An unanswered cas that did apply leaves a record no one
      // renews, which anyone (us included) takes over after leaseMs.
      this.observedRecord = undefined;
      return;
    }
    if (generation !== this.generation) return;
    this.generation++;
    this.busy = false;
    this.observedRecord = undefined;
    this.leadership = {
      term,
      record,
      validUntil: sentAt + this.timing.leaseMs - this.timing.marginMs,
      lastRenewSentAt: sentAt,
    };
    this.wantedExcluded = excludedBy(record);
    this.options.events.elected(term, excludedBy(record));
  }

  private async renew(): Promise<void> {
    const leadership = this.leadership;
    if (!leadership) return;
    const generation = this.generation;
    const next = withExcluded(
      { ...leadership.record, renewal: leadership.record.renewal + 1 },
      this.wantedExcluded,
    );
    const sentAt = this.options.clock.now();
    this.busy = true;
    this.leadership = { ...leadership, lastRenewSentAt: sentAt };
    try {
      const applied = await this.options.store.cas(this.key, leadership.record, next, false);
      if (generation !== this.generation || !this.leadership) return;
      if (!applied) {
        await this.recheck(leadership.term, generation);
        return;
      }
      const validUntil = Math.max(
        this.leadership.validUntil,
        sentAt + this.timing.leaseMs - this.timing.marginMs,
      );
      this.leadership = { ...this.leadership, record: next, validUntil };
      this.options.events.confirmed(excludedBy(next));
    } catch {
      // No answer: the lease is not extended; the next tick retries or lets it expire.
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** A renewal was refused: either an earlier, unanswered renewal of ours did apply, or someone took over. */
  private async recheck(term: number, generation: number): Promise<void> {
    let value: unknown;
    try {
      value = await this.options.store.read(this.key);
    } catch {
      return;
    }
    if (generation !== this.generation || !this.leadership) return;
    if (isLeaseRecord(value) && value.term === term && value.holder === this.options.nodeId) {
      this.leadership = { ...this.leadership, record: value };
      this.options.events.confirmed(excludedBy(value));
      return;
    }
    if (isLeaseRecord(value)) this.options.events.observed(value);
    this.depose();
  }

  private exclusionsChanged(): boolean {
    const written = this.leadership ? excludedBy(this.leadership.record) : [];
    return !sameIds(written, this.wantedExcluded);
  }

  private depose(): void {
    const leadership = this.leadership;
    if (!leadership) return;
    this.generation++;
    this.busy = false;
    this.leadership = undefined;
    this.wantedExcluded = [];
    this.observedRecord = undefined;
    this.lastHeardFromLeader = undefined;
    this.options.events.deposed(leadership.term);
  }
}
