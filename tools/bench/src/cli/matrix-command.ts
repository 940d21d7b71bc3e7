import { spawnSync } from 'node:child_process';
import { ciMatrix } from '../ci/matrix';
import { repoRoot } from '../repo-root';
import { EXIT_BAD_ARGS, type CommandIo } from './test-command';

const USAGE =
  'Usage: glomers-bench matrix [--seeds A..B] [--shard-size N]\n' +
  '  Prints the CI matrices as JSON: one maelstrom job per app with a `maelstrom` target (its challenge rows), and\n' +
  '  the sweep of every row with a nemesis over seeds A..B (default 1..1000) in shards of N seeds (default 250).';

/** The Nx projects that have a `maelstrom` target, as Nx itself lists them. */
function maelstromApps(root: string): string[] | string {
  const nx = spawnSync('npx', ['nx', 'show', 'projects', '--with-target', 'maelstrom', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (nx.status !== 0) return `nx show projects failed (exit ${nx.status}): ${nx.stderr.trim()}`;
  try {
    const apps: unknown = JSON.parse(nx.stdout);
    if (Array.isArray(apps) && apps.every((a): a is string => typeof a === 'string')) return apps;
  } catch {
    // Reported below with what Nx printed.
  }
  return `nx show projects printed no JSON list of names: ${nx.stdout.slice(0, 200)}`;
}

/** `glomers-bench matrix`: the GitHub Actions matrices as one JSON object on stdout. */
export async function matrixCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--seeds' && argv[i] !== '--shard-size') {
      io.err(`Unknown argument: ${argv[i]}\n${USAGE}`);
      return EXIT_BAD_ARGS;
    }
    flags.set(argv[i], argv[++i] ?? '');
  }
  const seeds = /^(\d+)\.\.(\d+)$/.exec(flags.get('--seeds') ?? '1..1000');
  const shardSize = flags.get('--shard-size') ?? '250';
  if (!seeds || Number(seeds[1]) > Number(seeds[2]) || !/^[1-9]\d*$/.test(shardSize)) {
    io.err(`--seeds must be A..B with 0 ≤ A ≤ B, --shard-size a positive integer\n${USAGE}`);
    return EXIT_BAD_ARGS;
  }
  const apps = maelstromApps(repoRoot(io.cwd));
  const matrix =
    typeof apps === 'string'
      ? apps
      : ciMatrix(apps, { first: Number(seeds[1]), last: Number(seeds[2]) }, Number(shardSize));
  if (typeof matrix === 'string') {
    io.err(matrix);
    return 1;
  }
  const nemesisRows = new Set(matrix.sweep.include.map((s) => s.row));
  io.err(
    `maelstrom: ${matrix.maelstrom.include.length} jobs (apps with a maelstrom target); sweep: ` +
      `${nemesisRows.size} nemesis rows × seeds ${seeds[1]}..${seeds[2]} in shards of ${shardSize} = ` +
      `${matrix.sweep.include.length} jobs`,
  );
  io.out(JSON.stringify(matrix, null, 2));
  return 0;
}
