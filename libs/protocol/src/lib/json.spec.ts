import { abbreviate, canonicalJson, inexactNumber, type Json } from './json';

describe('inexactNumber', () => {
  it('finds integers beyond 2^53 - 1 and numbers that parsed to Infinity, however deep', () => {
    const deep = (inner: string) => JSON.parse('['.repeat(10_000) + inner + ']'.repeat(10_000)) as Json;
    expect(inexactNumber(JSON.parse('{"a":[1,{"b":9007199254740993}]}') as Json)).toBe(9007199254740992);
    expect(inexactNumber(JSON.parse('[1e400]') as Json)).toBe(Infinity);
    expect(inexactNumber(deep('-1e999'))).toBe(-Infinity);
    expect(inexactNumber(deep('9007199254740991'))).toBeUndefined();
  });

  it('accepts safe integers, fractions, strings and the rest of JSON', () => {
    expect(inexactNumber(JSON.parse('[0.1, -0, 1.5e-300, "9007199254740993", null, true, {}]') as Json)).toBe(
      undefined,
    );
  });
});

describe('abbreviate', () => {
  it('keeps short text and cuts long text to its first characters and an ellipsis', () => {
    expect(abbreviate('short')).toBe('short');
    expect(abbreviate('x'.repeat(1_000_000))).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('canonicalJson', () => {
  it('ignores key order at every level and tells different values apart', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      canonicalJson({ a: null, b: [1, { c: 2, d: 1 }] }),
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{}}'))).not.toBe(canonicalJson({ x: {} }));
    expect(canonicalJson([1])).not.toBe(canonicalJson(['1']));
  });
});
