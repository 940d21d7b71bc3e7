import fc from 'fast-check';

/** The join-semilattice laws every state-based CRDT's merge must satisfy, as jest tests. */
export function itIsASemilattice<S>(
  arbitrary: fc.Arbitrary<S>,
  merge: (a: S, b: S) => S,
  equals: (a: S, b: S) => boolean,
): void {
  it('merge is commutative', () => {
    fc.assert(fc.property(arbitrary, arbitrary, (a, b) => equals(merge(a, b), merge(b, a))));
  });

  it('merge is associative', () => {
    fc.assert(
      fc.property(arbitrary, arbitrary, arbitrary, (a, b, c) =>
        equals(merge(merge(a, b), c), merge(a, merge(b, c))),
      ),
    );
  });

  it('merge is idempotent and returns the same object', () => {
    fc.assert(fc.property(arbitrary, (a) => merge(a, a) === a));
  });

  it('merge(x, y) returns x itself when x already includes y', () => {
    fc.assert(
      fc.property(arbitrary, arbitrary, (a, b) => {
        const joined = merge(a, b);
        return merge(joined, a) === joined && merge(joined, b) === joined;
      }),
    );
  });
}

/** `update` only moves a state up the lattice: merging the old state into the new one changes nothing. */
export function itIsAnInflation<S, U>(
  name: string,
  states: fc.Arbitrary<S>,
  updates: fc.Arbitrary<U>,
  update: (state: S, change: U) => S,
  merge: (a: S, b: S) => S,
  equals: (a: S, b: S) => boolean,
): void {
  it(`${name} is an inflation`, () => {
    fc.assert(
      fc.property(states, updates, (state, change) => {
        const updated = update(state, change);
        return equals(merge(state, updated), updated) && equals(merge(updated, state), updated);
      }),
    );
  });
}

/** `toJSON` then `fromJSON` gives back an equal state, and survives `JSON.stringify`/`JSON.parse`. */
export function itRoundTripsThroughJSON<S>(
  arbitrary: fc.Arbitrary<S>,
  toJSON: (state: S) => unknown,
  fromJSON: (input: unknown) => S,
  equals: (a: S, b: S) => boolean,
): void {
  it('fromJSON(toJSON(x)) equals x, also through a JSON string', () => {
    fc.assert(
      fc.property(arbitrary, (state) => {
        const encoded = toJSON(state);
        return (
          equals(fromJSON(encoded), state) &&
          equals(fromJSON(JSON.parse(JSON.stringify(encoded)) as unknown), state)
        );
      }),
    );
  });

  it('re-encoding a decoded state gives identical JSON text', () => {
    fc.assert(
      fc.property(arbitrary, (state) => {
        const text = JSON.stringify(toJSON(state));
        return JSON.stringify(toJSON(fromJSON(JSON.parse(text) as unknown))) === text;
      }),
    );
  });
}

/** Values that are not valid in any numeric slot: wrong types, negatives, fractions, unsafe integers. */
export const badCounts: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x) || x < 0),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 1, 2 ** 60, Infinity, -Infinity, NaN, 0.5, -0.5),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.nat(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.nat(), { maxKeys: 2 }),
);

/** Top-level inputs that are not objects. */
export const nonObjects: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.nat(), { maxLength: 3 }),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(new Date(0)),
  fc.constant(new Map([['n1', 1]])),
);
