/** Orders strings by UTF-16 code units, like `Array.prototype.sort` without a comparator, independent of locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
