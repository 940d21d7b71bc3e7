import type { Body } from '@glomers/protocol';
import { jsonKey, sourceTextOf } from '@glomers/sim';
import { isLosslessNumber, parse } from 'lossless-json';

/**
 * A JSON number a JavaScript number cannot keep apart from others, kept as its text: a float literal with an
 * integral value (`4.0`, which Maelstrom keeps apart from the integer `4`) or an integer beyond 2^53 - 1 (whose
 * neighbours JSON.parse rounds together). Other numbers stay plain numbers.
 */
export interface NumberText {
  readonly 'number-text': string;
}

export function isNumberText(value: unknown): value is NumberText {
  return (
    typeof value === 'object' && value !== null && typeof (value as NumberText)['number-text'] === 'string'
  );
}

/** The number a JSON number literal stands for, or its text when a JavaScript number would blur it. */
export function fromNumberText(text: string): number | NumberText {
  const value = Number(text);
  const integerLiteral = /^-?\d+$/.test(text);
  const faithful = integerLiteral
    ? Number.isSafeInteger(value)
    : Number.isFinite(value) && !Number.isInteger(value);
  return faithful ? value : { 'number-text': text };
}

/**
 * Field `field` of a node's reply body, with a number JSON.parse would have blurred kept as NumberText (read from
 * the line the body came from, when it came from a node's output).
 */
export function exactField(body: Body, field: string): unknown {
  const value = body[field];
  const line = typeof value === 'number' ? sourceTextOf(body) : undefined;
  if (line === undefined) return value;
  const exact = (parse(line) as { body?: Record<string, unknown> } | null)?.body?.[field];
  return isLosslessNumber(exact) ? fromNumberText(exact.value) : value;
}

/**
 * Equal keys for values Maelstrom (Clojure `=` on what its JSON parser reads) takes as equal: integers by exact
 * value, floats by double value, a float never equal to an integer; other values by their canonical JSON.
 */
export function exactKey(value: unknown): string {
  if (isNumberText(value)) {
    const text = value['number-text'];
    return /^-?\d+$/.test(text) ? `integer ${BigInt(text)}` : `float ${Number(text)}`;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) ? `integer ${BigInt(value)}` : `float ${value}`;
  return jsonKey(value);
}

/** A number, or a number kept as text, as a JavaScript number (for ordering). */
export function numericValue(value: number | NumberText): number {
  return typeof value === 'number' ? value : Number(value['number-text']);
}
