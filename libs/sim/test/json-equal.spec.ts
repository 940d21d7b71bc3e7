import { jsonEqual, jsonKey } from '../src/lib/json-equal';

describe('jsonEqual', () => {
  it('compares own keys only: a key named __proto__ or toString is data like any other', () => {
    const proto = JSON.parse('{"__proto__":{}}') as unknown;
    expect(jsonEqual(proto, { x: {} })).toBe(false);
    expect(jsonEqual(proto, JSON.parse('{"__proto__":{}}'))).toBe(true);
    expect(jsonEqual({ toString: 1 }, { valueOf: 1 })).toBe(false);
    expect(jsonKey(proto)).not.toBe(jsonKey({ x: {} }));
  });
});
