/**
 * Which element `(first (set xs))` returns in Clojure 1.12. Jepsen's kafka checker picks the version-order value
 * of an offset that holds several messages with `first` of a hash set, so which message "wins" an inconsistent
 * offset (and with it which polls count as skips or nonmonotonic) depends on Clojure's hash-set iteration order.
 *
 * A PersistentHashSet iterates nil first, then its hash trie: entries ordered by the lowest 5 hash bits, then the
 * next 5, and so on; full-hash collisions keep insertion order. Hashes are Clojure's `hasheq`: Murmur3 `hashLong`
 * for integers, Murmur3 `hashInt` of Java's `String.hashCode` for strings. Other values (floats, vectors, maps,
 * booleans) fall back to insertion order.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** clojure.lang.Murmur3.hashLong */
export function hashLong(n: bigint): number {
  if (n === 0n) return 0;
  const u = BigInt.asUintN(64, n);
  const low = Number(u & 0xffffffffn) | 0;
  const high = Number(u >> 32n) | 0;
  let h = mixH1(0, mixK1(low));
  h = mixH1(h, mixK1(high));
  return fmix(h, 8);
}

/** clojure.lang.Murmur3.hashInt */
export function hashInt(n: number): number {
  if (n === 0) return 0;
  return fmix(mixH1(0, mixK1(n | 0)), 4);
}

function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Clojure's hasheq for the JSON values it can hash as we know how; undefined for the rest. */
export function hasheq(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return hashLong(BigInt(value));
  if (typeof value === 'string') return hashInt(javaStringHash(value));
  return undefined;
}

/** Compares two hashes in hash-trie iteration order: 5-bit groups from the least significant up. */
function trieCompare(a: number, b: number): number {
  for (let shift = 0; shift < 32; shift += 5) {
    const da = (a >>> shift) & 0x1f;
    const db = (b >>> shift) & 0x1f;
    if (da !== db) return da - db;
  }
  return 0;
}

/** The elements of a Clojure hash set built from `values` (distinct), in its iteration order. */
export function clojureSetOrder<T>(values: readonly T[]): T[] {
  const indexed = values.map((value, i) => ({ value, i, hash: value === null ? undefined : hasheq(value) }));
  const hashable = indexed.every((e) => e.value === null || e.hash !== undefined);
  if (!hashable) return [...values];
  indexed.sort((a, b) => {
    if (a.value === null) return -1;
    if (b.value === null) return 1;
    return trieCompare(a.hash ?? 0, b.hash ?? 0) || a.i - b.i;
  });
  return indexed.map((e) => e.value);
}

/** `(first (set values))` */
export function clojureSetFirst<T>(values: readonly T[]): T | undefined {
  return clojureSetOrder(values)[0];
}
