import { isPlainObject } from './json';

/**
 * A field check: a predicate that also says what it expects, so a failed validation can name the field and the
 * expectation. Checks are plain functions so validating a body costs a few `typeof`s per field.
 */
export interface Check {
  (value: unknown): boolean;
  readonly expected: string;
}

/** The fields of a body, by name; fields not listed are allowed and ignored. */
export type Shape = Readonly<Record<string, Check>>;

function check(expected: string, test: (value: unknown) => boolean): Check {
  return Object.assign((value: unknown) => test(value), { expected });
}

export const is = {
  /** Any JSON value, but present. */
  json: check('present', (v) => v !== undefined),
  string: check('a string', (v) => typeof v === 'string'),
  boolean: check('a boolean', (v) => typeof v === 'boolean'),
  int: check('an integer', (v) => Number.isSafeInteger(v)),
  nonNegativeInt: check('a non-negative integer', (v) => Number.isSafeInteger(v) && (v as number) >= 0),
  object: check('an object', isPlainObject),
  optional(inner: Check): Check {
    return check(`absent or ${inner.expected}`, (v) => v === undefined || inner(v));
  },
  nullable(inner: Check): Check {
    return check(`null or ${inner.expected}`, (v) => v === null || inner(v));
  },
  arrayOf(inner: Check): Check {
    return check(`an array of ${inner.expected}`, (v) => Array.isArray(v) && v.every((item) => inner(item)));
  },
  recordOf(inner: Check): Check {
    return check(`an object whose values are ${inner.expected}`, (v) => {
      if (!isPlainObject(v)) return false;
      for (const key in v) if (!inner(v[key])) return false;
      return true;
    });
  },
  oneOf<T extends string | number>(...values: readonly T[]): Check {
    return check(`one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, (v) => values.includes(v as T));
  },
  custom: check,
} as const;

/** Returns a description of the first field that does not fit the shape, or undefined when all fit. */
export function shapeError(body: Readonly<Record<string, unknown>>, shape: Shape): string | undefined {
  for (const field in shape) {
    const fieldCheck = shape[field];
    if (!fieldCheck(body[field])) {
      return body[field] === undefined
        ? `missing field '${field}' (expected ${fieldCheck.expected})`
        : `field '${field}' must be ${fieldCheck.expected}`;
    }
  }
  return undefined;
}
