import { CrdtDecodeError } from './decode-error';
import { compareCodeUnits } from './code-unit-order';
import { describe } from './json-input';

/** What a G-Set can hold: values that compare by value in a `Set` and survive a JSON round trip. */
export type GSetElement = string | number;

/**
 * A grow-only set: elements are only ever added. Merge is union. The value is a plain `ReadonlySet`, so `has`,
 * `size` and iteration work directly; operations never mutate it.
 */
export type GSet<T extends GSetElement> = ReadonlySet<T>;

/** Tells whether a decoded JSON value is an element of the expected type. */
export type ElementGuard<T extends GSetElement> = (value: unknown) => value is T;

function assertElement(element: GSetElement): void {
  if (typeof element === 'number' && !Number.isFinite(element)) {
    throw new RangeError(`G-Set elements must be strings or finite numbers: ${element}`);
  }
}

function empty<T extends GSetElement>(): GSet<T> {
  return new Set<T>();
}

/** `1 | 2` becomes `number`, `'a'` becomes `string`: what `GSet.from([1, 2])` should hold. */
type Widened<T extends GSetElement> = T extends number ? number : string;

/** A set holding `elements` (duplicates collapse). `GSet.from([1, 2])` is a `GSet<number>`. */
function from<T extends GSetElement>(elements: Iterable<T>): GSet<Widened<T>> {
  const set = new Set<Widened<T>>();
  for (const element of elements) {
    assertElement(element);
    set.add(element as Widened<T>);
  }
  return set;
}

/** `set` plus `element`; returns `set` itself when the element is already there. Copies otherwise (O(size)). */
function add<T extends GSetElement>(set: GSet<T>, element: T): GSet<T> {
  assertElement(element);
  if (set.has(element)) return set;
  return new Set(set).add(element);
}

function has<T extends GSetElement>(set: GSet<T>, element: T): boolean {
  return set.has(element);
}

function isSubset<T extends GSetElement>(a: GSet<T>, b: GSet<T>): boolean {
  if (a.size > b.size) return false;
  for (const element of a) if (!b.has(element)) return false;
  return true;
}

/**
 * Union. Returns `a` itself when `b` adds nothing (cost O(|b|)), or `b` itself when `a` adds nothing, so merging a
 * small delta into a large set that already has it allocates nothing.
 */
function merge<T extends GSetElement>(a: GSet<T>, b: GSet<T>): GSet<T> {
  if (isSubset(b, a)) return a;
  if (isSubset(a, b)) return b;
  const union = new Set(a);
  for (const element of b) union.add(element);
  return union;
}

/** The elements of `a` that `b` lacks: the delta to send to a replica whose state is (at least) `b`. */
function difference<T extends GSetElement>(a: GSet<T>, b: GSet<T>): GSet<T> {
  if (b.size === 0) return a;
  const missing = new Set<T>();
  for (const element of a) if (!b.has(element)) missing.add(element);
  return missing;
}

function value<T extends GSetElement>(set: GSet<T>): ReadonlySet<T> {
  return set;
}

function equals<T extends GSetElement>(a: GSet<T>, b: GSet<T>): boolean {
  return a.size === b.size && isSubset(a, b);
}

/** Numbers ascending, then strings in code-unit order. */
function compareElements(a: GSetElement, b: GSetElement): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  return typeof b === 'number' ? 1 : compareCodeUnits(a, b);
}

/** The canonical JSON form: an array of the distinct elements, numbers ascending, then strings in code-unit order. */
function toJSON<T extends GSetElement>(set: GSet<T>): T[] {
  return [...set].sort(compareElements);
}

/** Element guard for any element a G-Set can hold: a string or a finite number. */
function elements(value: unknown): value is GSetElement {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Reads an array of distinct elements (in any order), each accepted by `isElement` (default: any string or finite
 * number). Throws {@link CrdtDecodeError} for anything else, including duplicates.
 */
function fromJSON(input: unknown): GSet<GSetElement>;
function fromJSON<T extends GSetElement>(input: unknown, isElement: ElementGuard<T>): GSet<T>;
function fromJSON<T extends GSetElement>(
  input: unknown,
  isElement: ElementGuard<T> = elements as ElementGuard<T>,
): GSet<T> {
  if (!Array.isArray(input))
    throw new CrdtDecodeError('g-set', '$', `expected an array, got ${describe(input)}`);
  const set = new Set<T>();
  for (let index = 0; index < input.length; index++) {
    const element: unknown = input[index];
    const path = `$[${index}]`;
    if (!isElement(element))
      throw new CrdtDecodeError('g-set', path, `unexpected element ${describe(element)}`);
    if (typeof element === 'number' && !Number.isFinite(element)) {
      throw new CrdtDecodeError('g-set', path, `element is not a finite number: ${element}`);
    }
    if (set.has(element)) throw new CrdtDecodeError('g-set', path, `duplicate element ${describe(element)}`);
    set.add(element);
  }
  return set;
}

/** Element guard for sets of safe integers (such as broadcast message values). */
function integers(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Element guard for sets of strings. */
function strings(value: unknown): value is string {
  return typeof value === 'string';
}

/** Operations on {@link GSet} values. */
export const GSet = {
  empty,
  from,
  add,
  has,
  merge,
  difference,
  value,
  equals,
  toJSON,
  fromJSON,
  integers,
  strings,
  elements,
} as const;
