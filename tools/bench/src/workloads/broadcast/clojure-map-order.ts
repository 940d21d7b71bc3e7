/**
 * Key order of a Clojure map with string keys, which is the key order of the JSON Maelstrom writes for it: insertion
 * order up to 8 entries (array map), beyond that the iteration order of a PersistentHashMap (hash trie walked by
 * 5-bit hash chunks, least significant first). Hashes are Clojure's `hasheq` of a String: Murmur3 of its Java hashCode.
 */
export function inClojureMapOrder<V>(entries: ReadonlyArray<readonly [string, V]>): Record<string, V> {
  const ordered =
    entries.length <= ARRAY_MAP_MAX_ENTRIES
      ? entries
      : [...entries].sort(([a], [b]) => compareHashTrieOrder(a, b));
  return Object.fromEntries(ordered);
}

const ARRAY_MAP_MAX_ENTRIES = 8;

function compareHashTrieOrder(a: string, b: string): number {
  const ha = clojureStringHash(a);
  const hb = clojureStringHash(b);
  for (let shift = 0; shift < 32; shift += 5) {
    const diff = ((ha >>> shift) & 31) - ((hb >>> shift) & 31);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function clojureStringHash(s: string): number {
  return murmur3HashInt(javaStringHashCode(s));
}

function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function murmur3HashInt(input: number): number {
  if (input === 0) return 0;
  let k1 = Math.imul(input, 0xcc9e2d51);
  k1 = rotateLeft(k1, 15);
  k1 = Math.imul(k1, 0x1b873593);
  let h1 = k1;
  h1 = rotateLeft(h1, 13);
  h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  h1 ^= 4;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1;
}

function rotateLeft(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}
