/**
 * Lease timing. Safety needs only `marginMs > 0` with clocks that run at the same rate (one machine here): a leader
 * counts its lease from the moment it *sent* the cas that wrote its record, a watcher from the moment it *received*
 * a read showing that record, which is later, and waits `leaseMs` of unchanged record before taking over; the
 * leader stops at `leaseMs - marginMs`. With clock rates differing by a factor ρ the margin must exceed
 * `leaseMs·ρ` (1000 ms · 5% = 50 ms < the default 150 ms).
 */
export interface LeaseTiming {
  readonly leaseMs: number;
  readonly marginMs: number;
  /** A leader starts a renewal this long after the previous one was sent. */
  readonly renewEveryMs: number;
  /** A follower that heard from its leader this recently does not look at the register at all. */
  readonly suspectAfterMs: number;
  /** How often a suspicious follower reads the register. */
  readonly watchEveryMs: number;
  /** Period of the election's timer. */
  readonly tickMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  leaseMs: 1000,
  marginMs: 150,
  renewEveryMs: 250,
  suspectAfterMs: 300,
  watchEveryMs: 100,
  tickMs: 25,
};

export function validateLeaseTiming(timing: LeaseTiming): LeaseTiming {
  const notPositive = (Object.keys(DEFAULT_LEASE_TIMING) as (keyof LeaseTiming)[]).filter(
    (key) => !(typeof timing[key] === 'number' && timing[key] > 0),
  );
  if (notPositive.length > 0)
    throw new RangeError(`lease timing must be positive: ${notPositive.join(', ')}`);
  if (timing.marginMs >= timing.leaseMs) throw new RangeError('marginMs must be below leaseMs');
  if (timing.renewEveryMs >= timing.leaseMs - timing.marginMs) {
    throw new RangeError(
      'renewEveryMs must be below leaseMs - marginMs, or the lease lapses between renewals',
    );
  }
  return timing;
}
