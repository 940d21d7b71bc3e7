import { isPlainObject, shapeError, type Shape } from '@glomers/protocol';

/**
 * `preset` with the fields of a JSON object laid over it (for tuning sweeps without a rebuild). Fields outside
 * `shape` or of the wrong type throw, naming `what`, so a typo never silently runs the preset.
 */
export function withJsonOverrides<T extends object>(
  preset: T,
  json: string | undefined,
  shape: Shape,
  what: string,
): T {
  if (json === undefined || json.trim() === '') return preset;
  const parsed: unknown = JSON.parse(json);
  if (!isPlainObject(parsed)) throw new Error(`${what} overrides must be a JSON object`);
  const unknown = Object.keys(parsed).filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length > 0) throw new Error(`unknown ${what} option(s): ${unknown.join(', ')}`);
  const problem = shapeError(parsed, shape);
  if (problem) throw new Error(`${what} overrides: ${problem}`);
  return { ...preset, ...(parsed as Partial<T>) };
}
