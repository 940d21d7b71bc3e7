// Packs the built package (first argument, default dist/libs/crdt) into a tarball in the folder given second
// (default dist/packages), then checks that the tarball holds the code its package.json points at.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const built = resolve(process.argv[2] ?? join(workspaceRoot, 'dist', 'libs', 'crdt'));
const destination = resolve(process.argv[3] ?? join(workspaceRoot, 'dist', 'packages'));
mkdirSync(destination, { recursive: true });

const [packed] = JSON.parse(
  execFileSync('npm', ['pack', built, '--pack-destination', destination, '--json'], { encoding: 'utf8' }),
);
const files = new Set(packed.files.map((file) => file.path));
for (const required of [
  'package.json',
  'cjs/index.js',
  'cjs/index.d.ts',
  'esm/index.mjs',
  'esm/index.d.mts',
]) {
  if (!files.has(required)) throw new Error(`the tarball lacks ${required}`);
}
console.log(
  `packed ${packed.name}@${packed.version}: ${join(destination, packed.filename)} (${files.size} files)`,
);
