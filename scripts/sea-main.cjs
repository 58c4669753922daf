// The main script of the standalone binary (scripts/build-binary.mjs): the CLI bundle and its V8
// code cache are assets of the executable, compiled here as bin/dtcost compiles them, with the
// cache given to the compiler. The cache is made by the binary itself, after a run of the examples
// (Node's own `useCodeCache` compiles the main script without running it: only its top level is
// cached, and a command then compiles everything else as it runs). A cache V8 rejects (another
// build) is ignored and the bundle compiled as usual.
'use strict';
const { getAsset } = require('node:sea');
const { Script } = require('node:vm');
const { writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // As bin/dtcost: the version without compiling the bundle; a closed pipe is the reader's choice.
  process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE') return;
    process.stderr.on('error', () => {});
    process.stderr.write(`dtcost: cannot write the results to standard output: ${err.code || err.message}; the output is incomplete\n`);
    process.exitCode = 2;
  });
  process.stdout.write(`${Buffer.from(getAsset('version')).toString('latin1')}\n`);
} else {
  // The bundle is ASCII (scripts/build.mjs): Latin-1 is the same text, without decoding.
  const source = Buffer.from(getAsset('dtcost.cjs')).toString('latin1');
  let cachedData;
  try {
    cachedData = Buffer.from(getAsset('dtcost.cjs.cache'));
  } catch {}
  const file = join(dirname(process.execPath), 'dtcost.cjs');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // The build runs the binary once with DTCOST_WRITE_CODE_CACHE set: the functions it compiled are the cache.
  const cacheOut = process.env.DTCOST_WRITE_CODE_CACHE;
  if (cacheOut) process.on('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, dirname(file));
}
