// `npm pack` (or `npm publish`) in libs/crdt would pack the sources' folder, which holds no compiled code: the
// package is built into dist/libs/crdt and packed from there. Say so instead of writing an empty tarball.
console.error(
  '@glomers/crdt is packed from its build: run `npx nx run crdt:pack` (tarball in dist/packages/).',
);
process.exit(1);
