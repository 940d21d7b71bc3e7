/** A figure's spread over many runs (seeds): least, median (the upper one of an even count), greatest. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** The spread of the values that are there; undefined when none is. */
export function spreadOf(values: ReadonlyArray<number | undefined>): Spread | undefined {
  const sorted = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}
