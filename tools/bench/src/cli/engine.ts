import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const ENGINE_CHOICES = ['auto', 'bench', 'sim', 'maelstrom'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** bench: the process engine (real time); sim: runtime-based nodes in-process on virtual time; or real Maelstrom. */
export type Engine =
  | { readonly kind: 'bench' }
  | { readonly kind: 'sim' }
  | { readonly kind: 'maelstrom'; readonly bin: string };

/**
 * The one place that finds the real Maelstrom: MAELSTROM_BIN, else a `maelstrom` on PATH, else (unless
 * `onlyDeclared`) the copy install.sh leaves in ~/.cache/maelstrom. The challenge command, the sweep scripts and
 * the differential specs all ask here. A MAELSTROM_BIN naming a missing file throws: run, it would fail every row
 * as "crashed (exit 255)", saying nothing.
 */
export function findMaelstrom(
  env: NodeJS.ProcessEnv = process.env,
  onlyDeclared = false,
): string | undefined {
  const declared = env['MAELSTROM_BIN'];
  if (declared) {
    if (existsSync(declared)) return declared;
    throw new Error(
      `MAELSTROM_BIN=${declared}: no such file. Install Maelstrom (../shared/maelstrom/install.sh prints its ` +
        'path), or unset MAELSTROM_BIN to run on the sim engine',
    );
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'maelstrom'))) return join(dir, 'maelstrom');
  }
  const cached = join(homedir(), '.cache', 'maelstrom', 'maelstrom');
  return !onlyDeclared && existsSync(cached) ? cached : undefined;
}

/**
 * The one place a challenge's engine is chosen. GLOMERS_ENGINE=bench|sim|maelstrom (or an explicit --engine)
 * forces one; auto runs real Maelstrom when MAELSTROM_BIN is set or `maelstrom` is on PATH, else the sim (this
 * repository's apps are all runtime-based). A forced maelstrom also finds the copy install.sh puts in
 * ~/.cache/maelstrom.
 */
export function chooseEngine(flag: EngineChoice, env: NodeJS.ProcessEnv = process.env): Engine {
  const forced = flag !== 'auto' ? flag : env['GLOMERS_ENGINE'];
  if (forced === 'bench' || forced === 'sim') return { kind: forced };
  if (forced === 'maelstrom') {
    const bin = findMaelstrom(env);
    if (!bin)
      throw new Error(
        'GLOMERS_ENGINE=maelstrom but no Maelstrom found (set MAELSTROM_BIN or put maelstrom on PATH)',
      );
    return { kind: 'maelstrom', bin };
  }
  if (forced !== undefined && forced !== 'auto')
    throw new Error(`Unknown engine ${JSON.stringify(forced)}: use ${ENGINE_CHOICES.join(', ')}`);
  const declared = findMaelstrom(env, true);
  return declared ? { kind: 'maelstrom', bin: declared } : { kind: 'sim' };
}
