#!/usr/bin/env node
// `node tools/bench/bin/summary.js` = `glomers-bench summary` (the root package.json's `challenges` script calls it).
'use strict';
process.argv.splice(2, 0, 'summary');
require('./glomers-bench.js');
