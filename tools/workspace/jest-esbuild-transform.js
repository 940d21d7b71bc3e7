// Jest transform: TypeScript and ES-module JavaScript to CommonJS with esbuild, the compiler that bundles the apps
// (tools/scripts/bundle-node.mjs), so specs run code compiled as production runs it: legacy decorators, no
// decorator metadata, no type-checking (each project's `typecheck` target does that).
'use strict';
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename) {
    return createHash('sha256')
      .update(version)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: /\.[cm]?ts$/.test(filename) ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcefile: filename,
      sourcemap: 'external',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: true } },
    });
    return { code, map };
  },
};
