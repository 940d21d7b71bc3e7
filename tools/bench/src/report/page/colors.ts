import { interpolateRgb, schemeTableau10 } from 'd3';

/** A hue per operation type, shaded by outcome: ok as is, fail towards red, info towards amber. */
export function kindColors(kinds: readonly string[]): string[] {
  const fs = [...new Set(kinds.map((k) => k.split(' ')[0]))];
  return kinds.map((kind) => {
    const [f, outcome] = kind.split(' ');
    const base = schemeTableau10[fs.indexOf(f) % schemeTableau10.length];
    if (outcome === 'fail') return interpolateRgb(base, '#d00000')(0.65);
    if (outcome === 'info') return interpolateRgb(base, '#f0a000')(0.65);
    return base;
  });
}

/** The hue of an operation type alone (for its quantile lines). */
export function fColor(kinds: readonly string[], f: string): string {
  const fs = [...new Set(kinds.map((k) => k.split(' ')[0]))];
  return schemeTableau10[Math.max(0, fs.indexOf(f)) % schemeTableau10.length];
}
